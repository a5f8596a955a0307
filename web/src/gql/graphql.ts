/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A note on a deal; a startup not yet in the pipeline enters it. */
export type AddDealNoteInput = {
  /** The global ID of the investor. */
  investorId: string | number;
  /** The global ID of the startup. */
  startupId: string | number;
  /** The text. */
  text: string;
};

/** Meetings placed by a scheduling run show in agendas once the agenda is published. */
export type AgendaStatus =
  /** Final: meetings stay put. */
  | 'FINAL'
  /** No agenda yet: the meetings the scheduler placed are seen by the managers only. */
  | 'NONE'
  /** Published as preliminary: participants see their meetings, which may still move. */
  | 'PRELIMINARY';

/** An answer to one question, by the question's key; fill the field the question's kind takes. */
export type AnswerInput = {
  /** The options chosen. */
  choices?: Array<string> | null | undefined;
  /** A reference to the supporting document (a file name or URL) kept with the evidence. */
  documentRef?: string | null | undefined;
  /** A NUMBER question's answer. */
  number?: number | null | undefined;
  /** The question's key. */
  questionKey: string;
  /** A TEXT question's answer. */
  text?: string | null | undefined;
};

/** A status change of an application: which one, the version the caller read, and why where the step takes a reason. */
export type ApplicationActionInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** Why, as whoever made the change wrote it. */
  reason?: string | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/**
 * SUBMITTED → UNDER_REVIEW → SHORTLISTED → AWARDED | REJECTED; DRAFT → SUBMITTED;
 * WITHDRAWN by the startup before a decision.
 */
export type ApplicationStatus =
  /** Funded. */
  | 'AWARDED'
  /** Started, not submitted; only the startup sees it. */
  | 'DRAFT'
  /** Not funded; the reason is in its history. */
  | 'REJECTED'
  /** Passed review, awaiting the decision. */
  | 'SHORTLISTED'
  /** Submitted, waiting for review. */
  | 'SUBMITTED'
  /** Reviewers are scoring it. */
  | 'UNDER_REVIEW'
  /** Withdrawn by the startup. */
  | 'WITHDRAWN';

/** The regulator's approval, with the test parameters it certifies within the programme's limits. */
export type ApproveSandboxInput = {
  /** May be tighter than requested, never looser. */
  certified: SandboxLimitsInput;
  /** The conditions the approval sets. */
  conditions?: Array<string> | null | undefined;
  /** The global ID of the record to change. */
  id: string | number;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** The regulator's assessment of a sandbox application. */
export type AssessSandboxInput = {
  /** The finding on each criterion. */
  findings: Array<SandboxFindingInput>;
  /** The global ID of the record to change. */
  id: string | number;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** The reviewers to put on an application; a conflicted one refuses the whole assignment. */
export type AssignReviewersInput = {
  /** The global ID of the application. */
  applicationId: string | number;
  /** The global IDs of the reviewers. */
  reviewerIds: Array<string | number>;
};

/** A prize or recognition the firm won. */
export type AwardInput = {
  /** When it was awarded. */
  awardedOn: string;
  /** A reference to the supporting document (a file name or URL) kept with the evidence. */
  documentRef: string;
  /** Whether the award is international. */
  international?: boolean | null | undefined;
  /** The name. */
  name: string;
};

/** What an incentive gives. */
export type BenefitKind =
  /** Consulting (tư vấn). */
  | 'CONSULTING'
  /** A grant or support of costs (tài trợ, hỗ trợ chi phí). */
  | 'GRANT'
  /** Use of technical facilities, incubators or co-working spaces (sử dụng hạ tầng). */
  | 'INFRASTRUCTURE'
  /** Exemption from or reduction of land rent (miễn, giảm tiền thuê đất). */
  | 'LAND_RENT'
  /** Exemption from a tax (miễn thuế). */
  | 'TAX_EXEMPTION'
  /** Reduction of a tax (giảm thuế). */
  | 'TAX_REDUCTION'
  /** Training (đào tạo). */
  | 'TRAINING';

/** What a benefit's cap is counted over. */
export type BenefitPeriod =
  /** Per month. */
  | 'MONTH'
  /** Once. */
  | 'ONCE'
  /** Per year. */
  | 'YEAR';

/** A certificate the firm holds. */
export type CertificateInput = {
  /** A reference to the supporting document (a file name or URL) kept with the evidence. */
  documentRef: string;
  /** When it expires; none when it does not. */
  expiresOn?: string | null | undefined;
  /** When it was issued. */
  issuedOn: string;
  /** What kind it is. */
  kind: CertificateKind;
};

/** A kind of certificate a firm may hold. */
export type CertificateKind =
  /** High-technology enterprise certificate (doanh nghiệp công nghệ cao). */
  | 'HIGH_TECH'
  /** Science and technology enterprise (Decree 13/2019). */
  | 'ST_ENTERPRISE';

/** The contact fields an update changes; omitted ones stay. */
export type ContactPatchInput = {
  /** The e-mail address. */
  email?: string | null | undefined;
  /** The phone number. */
  phone?: string | null | undefined;
};

/** A kind of cooperation an offer seeks and an agreement records. */
export type Cooperation =
  /** Sale of the IP (chuyển nhượng quyền sở hữu). */
  | 'IP_SALE'
  /** Joint research and development. */
  | 'JOINT_RND'
  /** A licence to use the technology (li-xăng). */
  | 'LICENCE'
  /** Creating a spin-off company. */
  | 'SPIN_OFF'
  /** Technical assistance. */
  | 'TECHNICAL_ASSISTANCE';

/** A startup's draft application; required answers may still be missing. */
export type CreateApplicationInput = {
  /** The answers, by question key. */
  answers?: Array<AnswerInput> | null | undefined;
  /** The global ID of the call. */
  callId: string | number;
  /** Any unique string per attempt: repeating it returns the same application. */
  idempotencyKey: string;
  /** The amount asked for, in đồng. */
  requestedAmountVnd: string;
  /** The global ID of the startup. */
  startupId: string | number;
};

/** What creating a event takes. */
export type CreateEventInput = {
  /** The event. */
  event: EventInput;
  /** The global ID of the incubator. */
  incubatorId: string | number;
};

/** What creating a fund call takes. */
export type CreateFundCallInput = {
  /** The money the call awards in all, in đồng. */
  budgetVnd: string;
  /** …until just before this one. */
  closesAt: string;
  /** What the call funds and how. */
  description?: string | null | undefined;
  /** Who may apply, as CEL rules. */
  eligibilityRules?: Array<EligibilityRuleInput> | null | undefined;
  /** The global ID of the fund. */
  fundId: string | number;
  /** Applications are accepted from this instant. */
  opensAt: string;
  /** The form, in order. */
  questions?: Array<QuestionInput> | null | undefined;
  /** How reviewers score its applications. */
  rubric: RubricInput;
  /** The sectors, any of which matches. */
  sectors?: Array<Sector> | null | undefined;
  /** The largest amount an application may ask for. */
  ticketMaxVnd: string;
  /** The smallest amount an application may ask for. */
  ticketMinVnd: string;
  /** The title applicants see. */
  title: string;
  /** The wards, communes or special zones, exactly as written. */
  wards?: Array<string> | null | undefined;
};

/** What registering a fund takes. */
export type CreateFundInput = {
  /** What it invests in and how. */
  description?: string | null | undefined;
  /** The name, in Vietnamese. */
  name: string;
  /** The name in English. */
  nameEn?: string | null | undefined;
  /** Whether a public (state) fund. */
  public: boolean;
};

/** What registering an incubator takes. */
export type CreateIncubatorInput = {
  /** The name, in Vietnamese. */
  name: string;
  /** The name in English. */
  nameEn?: string | null | undefined;
  /** The programmes it runs. */
  programs?: Array<IncubatorProgramInput> | null | undefined;
  /** The university or institute it belongs to. */
  university: string;
  /** The ward it is in. */
  ward: string;
  /** The public website. */
  website?: string | null | undefined;
};

/** A status change of a criteria set. */
export type CriteriaSetActionInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** A criteria set: its key, version, title in both languages, legal basis and criteria. */
export type CriteriaSetInput = {
  /** The criteria, in order. */
  criteria: Array<ScreeningCriterionInput>;
  /** When this version applies from. */
  effectiveFrom: string;
  /** The stable key versions share, e.g. decree-80-innovative-startup. */
  key: string;
  /** The legal text the criteria come from. */
  legalBasis: string;
  /** The title, in Vietnamese (titleEn gives the English). */
  title: string;
  /** The title in English. */
  titleEn: string;
};

/** Where a criteria set is in its life. */
export type CriteriaSetStatus =
  /** Applied: firms are screened against it. */
  | 'ACTIVE'
  /** Being written; previewed, not applied. */
  | 'DRAFT'
  /** Replaced by a later version; its results stay. */
  | 'RETIRED';

/** A criterion of a call's rubric. */
export type CriterionInput = {
  /** Whether half points may be given. */
  halfPoints?: boolean | null | undefined;
  /** The stable key the item is named by. */
  key: string;
  /** The top of the scale. */
  max?: number | null | undefined;
  /** The name. */
  name: string;
  /** The name in English. */
  nameEn?: string | null | undefined;
  /** The score an application must reach on it. */
  threshold: number;
  /** How much it counts in the weighted total. */
  weight?: number | null | undefined;
};

/** Narrows deal flow; omitted fields do not filter. */
export type DealFlowFilter = {
  /** The global IDs of incubators, any of which matches. */
  incubatorIds?: Array<string | number> | null | undefined;
  /** Only startups not yet in the pipeline. */
  notInPipeline?: boolean | null | undefined;
  /** Only startups at these stages of the investor's pipeline. */
  pipelineStages?: Array<DealStage> | null | undefined;
  /** Full-text search on name and description (see Query.search). */
  query?: string | null | undefined;
  /** The sectors, any of which matches. */
  sectors?: Array<Sector> | null | undefined;
  /** The stages, any of which matches. */
  stages?: Array<Stage> | null | undefined;
  /**
   * The text.
   * @deprecated Use query, as search and saved searches name it.
   */
  text?: string | null | undefined;
  /** The wards, communes or special zones, exactly as written. */
  wards?: Array<string> | null | undefined;
};

/** Where a startup is in an investor's pipeline. INVESTED and PASSED end a deal; any stage may follow any other. */
export type DealStage =
  /** In contact with the founders. */
  | 'CONTACTED'
  /** Checking the startup in depth. */
  | 'DUE_DILIGENCE'
  /** Invested; ends the deal. */
  | 'INVESTED'
  /** Met (a Startup Café meeting puts a deal here). */
  | 'MEETING'
  /** Decided not to invest; ends the deal. */
  | 'PASSED'
  /** Found, not yet contacted. */
  | 'SOURCED'
  /** Terms offered. */
  | 'TERM_SHEET';

/** A manager's decision on a registration. */
export type DecideRegistrationInput = {
  /** Whether to approve. */
  approve: boolean;
  /** The global ID of the participant. */
  participantId: string | number;
};

/** The regulator's decision on a request to extend a test. */
export type DecideSandboxExtensionInput = {
  /** Whether to approve. */
  approve: boolean;
  /** The global ID of the record to change. */
  id: string | number;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** A reviewer's declaration of a conflict with an application assigned to them. */
export type DeclareConflictOfInterestInput = {
  /** The global ID of the application. */
  applicationId: string | number;
  /** Why, as whoever made the change wrote it. */
  reason: string;
};

/** An eligibility rule: a CEL expression over the startup and the call, with its description in both languages. */
export type EligibilityRuleInput = {
  /** The rule as applicants read it, in Vietnamese (descriptionEn gives the English). */
  description: string;
  /** The description in English. */
  descriptionEn: string;
  /** CEL; compiled and type-checked on save, errors carry line:column. */
  expression: string;
  /** The stable key the item is named by. */
  key: string;
};

/** An event's settings: schedule, capacity, participant types, sessions, tables and meeting rules. */
export type EventInput = {
  /** Which participant types may meet; every pair when omitted. */
  canMeet?: Array<ParticipantTypePairInput> | null | undefined;
  /** How many confirmed participants it takes. */
  capacity: number;
  /** What it is about. */
  description?: string | null | undefined;
  /** When it ends. */
  end: string;
  /** Whether recommendations leave out people the participant met at earlier events. */
  excludeMetBefore?: boolean | null | undefined;
  /** What kind of event. */
  kind: EventKind;
  /** At most this many meetings each; 0 for no limit. */
  maxMeetingsPerParticipant?: number | null | undefined;
  /** The kinds of participant it takes, with the roles that may register as each. */
  participantTypes: Array<ParticipantTypeInput>;
  /** When registration closes. */
  registrationCloses: string;
  /** When registration opens. */
  registrationOpens: string;
  /** How meeting requests become meetings. */
  requestMode?: MeetingRequestMode | null | undefined;
  /** How long a request waits for an answer, in hours. */
  requestTtlHours?: number | null | undefined;
  /** The windows in which 1:1 meetings take place. */
  sessions?: Array<EventSessionInput> | null | undefined;
  /** How long a 1:1 meeting lasts. */
  slotMinutes?: number | null | undefined;
  /** When it starts. */
  start: string;
  /** Where meetings are held, and how many at once. */
  tables?: Array<EventTableInput> | null | undefined;
  /** The title participants see. */
  title: string;
  /** Where it takes place. */
  venue: string;
  /** How many may wait for a seat. */
  waitlistCapacity?: number | null | undefined;
};

/** Startup Café meetups, matchmaking days, demo days and workshops. */
export type EventKind =
  /** Startups pitch to investors. */
  | 'DEMO_DAY'
  /** A matchmaking day built around 1:1 meetings. */
  | 'MATCHMAKING'
  /** A Startup Café meetup: talks and 1:1 meetings. */
  | 'STARTUP_CAFE'
  /** A techmart day: research organisations meet firms; recommendations pair their technology offers with the firms' requests. */
  | 'TECH_TRANSFER'
  /** A workshop or training. */
  | 'WORKSHOP';

/** A time window of an event in which 1:1 meetings take place. */
export type EventSessionInput = {
  /** When it ends. */
  end: string;
  /** When it starts. */
  start: string;
};

/** DRAFT (its managers only) → PUBLISHED → CANCELLED. */
export type EventStatus =
  /** Called off. */
  | 'CANCELLED'
  /** Being prepared; only the incubator's managers see it. */
  | 'DRAFT'
  /** Open to see and, in its window, to register. */
  | 'PUBLISHED';

/** A place where 1:1 meetings are held, and how many at once. */
export type EventTableInput = {
  /** How many at once. */
  capacity?: number | null | undefined;
  /** The name. */
  name: string;
};

/** Replaces all of a firm's evidence; lists hold at most 50 items. */
export type EvidenceInput = {
  /** Prizes won. */
  awards?: Array<AwardInput> | null | undefined;
  /** Certificates held. */
  certificates?: Array<CertificateInput> | null | undefined;
  /** Confirmations of support. */
  confirmations?: Array<SupportConfirmationInput> | null | undefined;
  /** When the firm was first registered. */
  firstRegisteredOn?: string | null | undefined;
  /** Rounds raised. */
  investments?: Array<InvestmentInput> | null | undefined;
  /** Intellectual property. */
  ipAssets?: Array<IpAssetInput> | null | undefined;
  /** The legal form. */
  legalForm?: LegalForm | null | undefined;
  /** Whether it has offered shares to the public. */
  publicOffering?: boolean | null | undefined;
};

/** The end of a test, with its outcome. */
export type ExitSandboxInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** How it ended. */
  outcome: SandboxOutcome;
  /** Why, as whoever made the change wrote it. */
  reason?: string | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** A firm's interest in an offer. */
export type ExpressInterestInput = {
  /** The global ID of the firm the caller acts for. */
  firmId: string | number;
  /** A note to the organisation. */
  message?: string | null | undefined;
  /** The global ID of the offer (published). */
  offerId: string | number;
};

/** The rule languages of the platform, each a CEL dialect over its own facts. */
export type ExpressionLanguage =
  /** A fund call's eligibility rule, over `startup`, `call` and `today`. */
  | 'ELIGIBILITY_RULE'
  /** An incentive's condition, over `firm`, `asOf` and `screening`. */
  | 'INCENTIVE_CONDITION'
  /** A criteria set's criterion, over `firm` and `asOf`. */
  | 'SCREENING_CRITERION';

/** The financial fields an update changes; omitted ones stay. */
export type FinancialsPatchInput = {
  /** How much the startup seeks, in đồng. */
  fundingNeedVnd?: string | null | undefined;
  /** Replaces the whole revenue history. */
  revenue?: Array<YearRevenueInput> | null | undefined;
};

/** A fit of the weights on the stored outcomes. */
export type FitMatchingWeightsInput = {
  /** Why; at most 2,000 characters. */
  note?: string | null | undefined;
};

/** A status change of a call: which one, the version the caller read, and the reason where the step takes one. */
export type FundCallActionInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** Required to cancel. */
  reason?: string | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** Where a funding call is in its life. */
export type FundCallStatus =
  /** Withdrawn, with a reason. */
  | 'CANCELLED'
  /** Past its deadline; applications are being reviewed. */
  | 'CLOSED'
  /** Awards and rejections are final. */
  | 'DECIDED'
  /** Being written; only the fund's managers see it. */
  | 'DRAFT'
  /** Published; takes applications between its opening and its deadline. */
  | 'OPEN';

/** A startup's grant to an investor to read its confidential fields until a date. */
export type GrantDataRoomAccessInput = {
  /** At most a year ahead. */
  expiresAt: string;
  /** The global ID of the investor. */
  investorId: string | number;
  /** The global ID of the startup. */
  startupId: string | number;
};

/** A patent, utility solution, copyright or other IP the firm holds or applied for. */
export type IpAssetInput = {
  /** A reference to the supporting document (a file name or URL) kept with the evidence. */
  documentRef: string;
  /** When it expires; none when it does not. */
  expiresOn?: string | null | undefined;
  /** When it was granted; none while pending. */
  grantedOn: string;
  /** What kind it is. */
  kind: IpKind;
  /** Its registration number. */
  number?: string | null | undefined;
};

/** A kind of intellectual property. */
export type IpKind =
  /** Semiconductor layout design (thiết kế bố trí mạch tích hợp). */
  | 'IC_LAYOUT_DESIGN'
  /** Industrial design (kiểu dáng công nghiệp). */
  | 'INDUSTRIAL_DESIGN'
  /** Invention patent (bằng độc quyền sáng chế). */
  | 'INVENTION_PATENT'
  /** Plant variety protection (giống cây trồng). */
  | 'PLANT_VARIETY'
  /** Software copyright (quyền tác giả phần mềm). */
  | 'SOFTWARE_COPYRIGHT'
  /** Recognised technical advance (tiến bộ kỹ thuật). */
  | 'TECHNICAL_ADVANCE'
  /** Utility solution patent (bằng độc quyền giải pháp hữu ích). */
  | 'UTILITY_SOLUTION';

/** What a row of an import did, or would do in a dry run. */
export type ImportAction =
  /** A startup registered. */
  | 'CREATE'
  /** A registered startup already had the row's values. */
  | 'UNCHANGED'
  /** A registered startup (same tax code) changed. */
  | 'UPDATE';

/**
 * What onboarding startups in bulk takes: a table with a header row of the
 * startup input's field names (taxCode, name, foundedOn, ward, sectors, stage,
 * teamSize, contactEmail, description — several sectors separated by `;`) or
 * their Vietnamese labels (Mã số thuế, Tên doanh nghiệp, Ngày thành lập,
 * Phường/Xã, Lĩnh vực, Giai đoạn, Số thành viên, Email liên hệ, Mô tả).
 */
export type ImportStartupsInput = {
  /** The file: CSV text, or the XLSX bytes in base64; at most 2,000 rows and the server's request size (1 MB unless configured); `innoport import startups` takes up to 10,000 rows. */
  content: string;
  /** Validate every row and report what would change, writing nothing. */
  dryRun?: boolean | null | undefined;
  /** How content is encoded. */
  format: TableFormat;
};

/** Where a firm's claim of an incentive is. */
export type IncentiveClaimStatus =
  /** Applied for; not decided. */
  | 'APPLIED'
  /** Received. */
  | 'RECEIVED'
  /** Refused. */
  | 'REFUSED';

/** Where a firm stands on an incentive. */
export type IncentiveStanding =
  /** A condition failed for lack of data the firm has not provided (see missing). */
  | 'MISSING_EVIDENCE'
  /** A condition is not met; the conditions say which, and unlock the one step that would change it. */
  | 'NOT_YET'
  /** Meets every condition. */
  | 'QUALIFIES';

/** An incubation programme as a client sends it. */
export type IncubatorProgramInput = {
  /** What it is. */
  description?: string | null | undefined;
  /** The name. */
  name: string;
  /** The sectors, any of which matches. */
  sectors?: Array<Sector> | null | undefined;
  /** The stages, any of which matches. */
  stages?: Array<Stage> | null | undefined;
};

/** A round the firm raised. */
export type InvestmentInput = {
  /** The amount, in đồng. */
  amountVnd: string;
  /** Whether it is a commitment not yet paid in. */
  commitment?: boolean | null | undefined;
  /** A reference to the supporting document (a file name or URL) kept with the evidence. */
  documentRef: string;
  /** The fund that invested. */
  fund: string;
  /** When it happened. */
  on: string;
};

/** How a job run stands. */
export type JobRunStatus =
  /** Failed; error says why. */
  | 'FAILED'
  /** Running now. */
  | 'RUNNING'
  /** Another run of the job held its lease, so this one did not run: for a scheduled tick, an earlier run still working (its error names it). */
  | 'SKIPPED'
  /** Finished; stats say what it did. */
  | 'SUCCEEDED';

/** What started a job run. */
export type JobTrigger =
  /** A change to data, such as a profile edit whose matches are rescored. */
  | 'EVENT'
  /** Started by an admin or the jobs command. */
  | 'MANUAL'
  /** Started by its schedule. */
  | 'SCHEDULE';

/** A firm's legal form under the Enterprise Law. */
export type LegalForm =
  /** Joint-stock company (công ty cổ phần). */
  | 'JOINT_STOCK'
  /** Multi-member limited liability company (công ty TNHH hai thành viên trở lên). */
  | 'LLC_MULTI_MEMBER'
  /** One-member limited liability company (công ty TNHH một thành viên). */
  | 'LLC_ONE_MEMBER'
  /** Partnership (công ty hợp danh). */
  | 'PARTNERSHIP'
  /** Private enterprise (doanh nghiệp tư nhân). */
  | 'PRIVATE_ENTERPRISE';

/** The caller's mark on another participant: MUST_MEET, WOULD_MEET or NO_THANKS. */
export type MarkParticipantInput = {
  /** Null clears the mark. */
  mark?: MeetingMark | null | undefined;
  /** The global ID of the participant. */
  participantId: string | number;
};

/** The reasons a match scores what it does. */
export type MatchFactor =
  /** What targets whose outcomes (portfolios, pipelines, bookmarks, applications, awards) overlap this target's did with the startup; 0 for a newcomer, whose score then rests on its profile. */
  | 'COLLABORATIVE'
  /** Bookmarks by either side, or an application to the call. */
  | 'FEEDBACK'
  /** The startup's own incubator, or an investor's ties to it. */
  | 'INCUBATOR'
  /** The startup's ward against the wards or regions preferred. */
  | 'LOCATION'
  /** Event participants: what one seeks against what the other offers, both ways. */
  | 'NEEDS'
  /** Event participants: the matching engine's score of their startup and investor. */
  | 'PROFILE'
  /** How recently the startup was active: full today, 1/e after a year. */
  | 'RECENCY'
  /** No longer computed: investor scores are weighted sums like the others'. */
  | 'RECIPROCITY'
  /** The startup's sectors against the target's: each sector weighted by its share of the stated thesis and of the startups the target holds, against its main one; a sector of the same taxonomy group earns half. */
  | 'SECTOR'
  /** The startup's stage against the stages the target states and holds (neighbouring stages earn part). */
  | 'STAGE'
  /** Similarity of descriptions and theses (Vietnamese-aware: diacritics folded, đ→d). */
  | 'TEXT'
  /** The startup's funding need against the ticket range, on a log scale: full at its middle, 70% at its edges, decaying outside. */
  | 'TICKET'
  /** Technology transfer: the offer's readiness level against the lowest one the request wants (one level short earns half). */
  | 'TRL';

/** What a startup is matched with. */
export type MatchKind =
  /** Funding calls. */
  | 'FUND_CALL'
  /** An incubator's programme. */
  | 'INCUBATOR'
  /** Investors. */
  | 'INVESTOR'
  /** Mentors. */
  | 'MENTOR'
  /** Research organisations' technology offers whose sectors and description fit the startup. */
  | 'TECH_OFFER';

/** Which version to change, and the version of it the client last read. */
export type MatchingWeightsActionInput = {
  /** The global ID of the version. */
  id: string | number;
  /** The record's version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** Where a version of the matching weights came from. */
export type MatchingWeightsOrigin =
  /** Fitted on the platform's own outcomes by fitMatchingWeights. */
  | 'FITTED'
  /** Written by an admin. */
  | 'MANUAL'
  /** The weights the platform ships with (fitted on a public investments data set for investors), created on first start. */
  | 'SHIPPED';

/** What a participant thinks of meeting another; NO_THANKS vetoes any meeting of the two. */
export type MeetingMark =
  /** The caller must meet them: the scheduler places it first. */
  | 'MUST_MEET'
  /** Never schedule them together. */
  | 'NO_THANKS'
  /** The caller would like to meet them. */
  | 'WOULD_MEET';

/** What became of a meeting. */
export type MeetingOutcome =
  /** Cancelled. */
  | 'CANCELLED'
  /** Rated by a side after it began. */
  | 'HELD'
  /** One side did not come. */
  | 'NO_SHOW'
  /** Booked, not yet held. */
  | 'SCHEDULED';

/** How an event's meeting requests become meetings. */
export type MeetingRequestMode =
  /** The recipient accepts or declines. */
  | 'APPROVAL'
  /** Requests are accepted on arrival. */
  | 'AUTO_ACCEPT';

/** A PENDING request past its expiry reads EXPIRED. */
export type MeetingRequestStatus =
  /** Accepted; a meeting is booked when both have a free slot. */
  | 'ACCEPTED'
  /** Withdrawn by the sender. */
  | 'CANCELLED'
  /** Declined. */
  | 'DECLINED'
  /** Not answered before its time-to-live or the event's end. */
  | 'EXPIRED'
  /** Sent, not yet answered. */
  | 'PENDING';

/** A startup to put into a stage of an investor's pipeline. */
export type MoveDealInput = {
  /** The global ID of the investor. */
  investorId: string | number;
  /** Why, kept with the deal's notes. */
  note?: string | null | undefined;
  /** The stage. */
  stage: DealStage;
  /** The global ID of the startup. */
  startupId: string | number;
};

/** What a notification is about. */
export type NotificationKind =
  /** For a startup: the fund moved one of its applications (under review, shortlisted, awarded, rejected). */
  | 'APPLICATION_STATUS_CHANGED'
  /** A startup granted the investor access to its data room (or changed the grant's expiry). */
  | 'DATA_ROOM_OPENED'
  /** For a startup: an investor read its data room today (once a day per investor; the access log has every read). */
  | 'DATA_ROOM_READ'
  /** A new or changed startup matches a saved search. */
  | 'SAVED_SEARCH_MATCH';

/** A participant of an event: the caller's own registration when participantId is omitted. */
export type ParticipantInput = {
  /** The global ID of the event. */
  eventId: string | number;
  /** Managers name anyone; participants act for themselves and may leave it out. */
  participantId?: string | number | null | undefined;
};

/** A kind of participant an event takes, with the roles that may register as it. */
export type ParticipantTypeInput = {
  /** The stable key the item is named by. */
  key: string;
  /** Whether registrations of this type wait for a manager. */
  needsApproval?: boolean | null | undefined;
  /** Who may register as this type themselves (e.g. [INVESTOR] for investors); empty: anyone. */
  roles?: Array<Role> | null | undefined;
};

/** Two participant types that may meet. */
export type ParticipantTypePairInput = {
  /** One participant type's key. */
  a: string;
  /** The other participant type's key. */
  b: string;
};

/** An event's agenda to publish, as a draft or final. */
export type PublishAgendaInput = {
  /** The global ID of the event. */
  eventId: string | number;
  /** Whether the agenda is final: meetings stop moving. */
  final: boolean;
};

/** A question of a call's form: its kind, whether it is required, and its limits or options. */
export type QuestionInput = {
  /** Lower-case letters, digits and '_', starting with a letter. */
  key: string;
  /** What kind of answer it takes. */
  kind: QuestionKind;
  /** The question as applicants read it, in Vietnamese (labelEn gives the English). */
  label: string;
  /** The label in English. */
  labelEn?: string | null | undefined;
  /** NUMBER: the largest value. */
  max?: number | null | undefined;
  /** TEXT: the most characters. */
  maxLength?: number | null | undefined;
  /** NUMBER: the smallest value. */
  min?: number | null | undefined;
  /** TEXT: the fewest characters. */
  minLength?: number | null | undefined;
  /** SINGLE_CHOICE and MULTIPLE_CHOICE: the choices. */
  options?: Array<string> | null | undefined;
  /** Whether a submitted application must answer it. */
  required?: boolean | null | undefined;
};

/** What kind of answer a question takes. */
export type QuestionKind =
  /** A reference to a document (an uploaded file's ID or URL). */
  | 'DOCUMENT'
  /** Any of the options. */
  | 'MULTIPLE_CHOICE'
  /** A number, within the limits. */
  | 'NUMBER'
  /** One of the options. */
  | 'SINGLE_CHOICE'
  /** Free text, within the length limits. */
  | 'TEXT';

/** A registration for an event. */
export type RegisterForEventInput = {
  /** The global ID of the event. */
  eventId: string | number;
  /** Their name as they registered. */
  name: string;
  /** What they offer, for others to find. */
  offers?: string | null | undefined;
  /**
   * The organisation they come from (the old spelling).
   * @deprecated Use organization, spelt as the rest of the API spells it.
   */
  organisation?: string | null | undefined;
  /** The organisation they come from. */
  organization?: string | null | undefined;
  /** The sectors they work in. */
  sectors?: Array<Sector> | null | undefined;
  /** What they look for. */
  seeks?: string | null | undefined;
  /**
   * Which participant type to register as; only one whose roles the caller
   * holds (INVALID_VALUE otherwise; organisers may take any). Left out: the
   * first type whose roles the caller holds, else the first open to anyone.
   */
  type?: string | null | undefined;
  /** The indexes of the slots they cannot meet in. */
  unavailableSlots?: Array<number> | null | undefined;
};

/** CONFIRMED and PENDING_APPROVAL hold a seat; a freed seat goes to the first WAITLISTED. */
export type RegistrationStatus =
  /** Cancelled by the participant. */
  | 'CANCELLED'
  /** Has a seat. */
  | 'CONFIRMED'
  /** Waits for a manager's approval. */
  | 'PENDING_APPROVAL'
  /** Refused by a manager. */
  | 'REJECTED'
  /** On the waitlist; promoted in order when a seat frees. */
  | 'WAITLISTED';

/** A request to meet another participant, with the preferred slots. */
export type RequestMeetingInput = {
  /** What the sender wrote. */
  message?: string | null | undefined;
  /** The participant asked. */
  participantId: string | number;
  /** Slot indexes, best first. */
  preferredSlots?: Array<number> | null | undefined;
};

/** The organisation's answer to a firm's interest. */
export type RespondToInterestInput = {
  /** True to accept (the firm may then accept the NDA), false to decline (the conversation ends). */
  accept: boolean;
  /** The global ID of the conversation. */
  id: string | number;
  /** A note to the firm. */
  note?: string | null | undefined;
};

/** An answer to a meeting request. */
export type RespondToMeetingRequestInput = {
  /** Whether to accept. */
  accept: boolean;
  /** The global ID of the record to change. */
  id: string | number;
};

/** The grant to end now. */
export type RevokeDataRoomAccessInput = {
  /** The global ID of the investor. */
  investorId: string | number;
  /** The global ID of the startup. */
  startupId: string | number;
};

/** What users can do on the platform. */
export type Role =
  /** Runs the platform: every record, the jobs and the criteria. */
  | 'ADMIN'
  /** Manages a fund (org): its calls, applications and decisions. */
  | 'FUND_MANAGER'
  /** Manages an incubator (org): its startups and events. */
  | 'INCUBATOR_MANAGER'
  /** Acts for an investor (org): deal flow, pipeline, saved searches. */
  | 'INVESTOR'
  /** A city official (Department of Science and Technology, People's Committee): reads the city's statistics. */
  | 'OFFICIAL'
  /** Runs a sandbox programme (org): assessments, approvals, supervision. */
  | 'REGULATOR'
  /** Scores the applications assigned to them. */
  | 'REVIEWER'
  /** A member of a startup (org): its profile, applications and data room. */
  | 'STARTUP_MEMBER'
  /** Technology-transfer staff of a research organisation (org): its offers and the firms interested in them. */
  | 'TTO_MANAGER';

/** How reviewers score a call's applications: criteria, scale, half points and thresholds. */
export type RubricInput = {
  /** The criteria, in order. */
  criteria: Array<CriterionInput>;
  /** The weighted total an application must reach. */
  overallThreshold: number;
};

/** The scheduled job to run now. */
export type RunJobInput = {
  /** The job's name, as jobs lists it. */
  name: string;
};

/** A status change of a sandbox application: which one, the version the caller read, and why where the step takes a reason. */
export type SandboxApplicationActionInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** Why, as whoever made the change wrote it. */
  reason?: string | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** The regulator's finding on one assessment criterion. */
export type SandboxFindingInput = {
  /** The criterion's key. */
  criterion: string;
  /** Whether the criterion is met. */
  met: boolean;
  /** The regulator's note. */
  note?: string | null | undefined;
};

/** A service level a sandbox application is past. */
export type SandboxFlag =
  /** The regulator has not acknowledged the application within its working days. */
  | 'ACKNOWLEDGEMENT_OVERDUE'
  /** Testing did not start within the window after approval. */
  | 'APPROVAL_LAPSED'
  /** The assessment is past its deadline. */
  | 'ASSESSMENT_OVERDUE'
  /** A periodic report is past due. */
  | 'REPORT_OVERDUE';

/** Limits on a sandbox test: duration, customers, and the money at stake. */
export type SandboxLimitsInput = {
  /** The most money at stake per customer, in đồng. */
  capPerCustomerVnd?: string | null | undefined;
  /** The longest test, in days. */
  durationDays: number;
  /** The most customers. */
  maxCustomers: number;
  /** The most money at stake in all, in đồng. */
  totalCapVnd?: string | null | undefined;
  /** The wards, communes or special zones, exactly as written. */
  wards?: Array<string> | null | undefined;
};

/** How a sandbox test ended. */
export type SandboxOutcome =
  /** Ended at its term, continued under an extended regime by a new decision. */
  | 'EXTENDED'
  /** The test succeeded; the firm goes to market under the normal rules. */
  | 'GRADUATED'
  /** The test was ended by the regulator. */
  | 'TERMINATED';

/**
 * DRAFT → SUBMITTED → UNDER_ASSESSMENT ⇄ INFO_REQUESTED → APPROVED | REJECTED;
 * APPROVED → TESTING ⇄ SUSPENDED → EXITED; WITHDRAWN by the firm before testing.
 */
export type SandboxStatus =
  /** Approved with test parameters; testing must start within the window. */
  | 'APPROVED'
  /** Being written by the firm. */
  | 'DRAFT'
  /** The test ended; see the outcome. */
  | 'EXITED'
  /** The regulator asked for information; the clock stops until the firm answers. */
  | 'INFO_REQUESTED'
  /** Refused, with reasons. */
  | 'REJECTED'
  /** Submitted; the regulator's acknowledgement clock runs. */
  | 'SUBMITTED'
  /** Testing suspended by the regulator. */
  | 'SUSPENDED'
  /** Testing within the approved limits, reporting periodically. */
  | 'TESTING'
  /** Being assessed against the programme criteria. */
  | 'UNDER_ASSESSMENT'
  /** Withdrawn by the firm before testing. */
  | 'WITHDRAWN';

/** A text the regulator asks or the firm answers. */
export type SandboxTextInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** The text. */
  text: string;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** A search an investor wants to be told of new matches for. */
export type SaveSearchInput = {
  /** The facets to narrow by. */
  filter?: SearchFilter | null | undefined;
  /** The global ID of the investor. */
  investorId: string | number;
  /** The name the investor gave it. */
  name: string;
  /** The words searched for. */
  query: string;
};

/** A run of the meeting scheduler over an event. */
export type ScheduleEventMeetingsInput = {
  /** The global ID of the event. */
  eventId: string | number;
  /** Which meetings to place. */
  scope?: ScheduleScope | null | undefined;
};

/** Which meetings the scheduler places. */
export type ScheduleScope =
  /** Also re-place what earlier runs placed and nobody acted on (not once the agenda is final). */
  | 'ALL'
  /** Keep every meeting; add new ones. */
  | 'UNBOOKED_ONLY';

/** A score on one criterion, by the criterion's key, within the rubric's scale. */
export type ScoreInput = {
  /** The reviewer's comment. */
  comment?: string | null | undefined;
  /** The criterion's key. */
  criterion: string;
  /** The score, within the rubric's scale (halves where it allows them). */
  score: number;
};

/** A criterion of a criteria set. */
export type ScreeningCriterionInput = {
  /** The CEL expression; it compiles and type-checks on save, or the save is refused at line:column. */
  expression: string;
  /** What the firm reads when the criterion fails, in Vietnamese (failReasonEn gives the English). */
  failReason: string;
  /** The fail reason in English. */
  failReasonEn: string;
  /** Criteria sharing a group are alternatives: one must pass. Omitted: required. */
  group?: string | null | undefined;
  /** The stable key the item is named by. */
  key: string;
  /** The data the criterion reads. */
  needs?: Array<string> | null | undefined;
  /** What the firm reads when the criterion passes, in Vietnamese (passReasonEn gives the English). */
  passReason: string;
  /** The pass reason in English. */
  passReasonEn: string;
};

/** A firm's status under a legal criteria set. */
export type ScreeningStatus =
  /** Meets every criterion. */
  | 'ELIGIBLE'
  /** A criterion failed for lack of data the firm has not provided (see missing). */
  | 'NEEDS_EVIDENCE'
  /** Fails a criterion; the outcomes say which, and what evidence is missing. */
  | 'NOT_ELIGIBLE';

/** Narrows a search; values of one field are alternatives, fields all apply. */
export type SearchFilter = {
  /** Kinds of cooperation offers seek, any of which matches. */
  cooperation?: Array<Cooperation> | null | undefined;
  /** The global IDs of incubators, any of which matches. */
  incubatorIds?: Array<string | number> | null | undefined;
  /** IP statuses of offers, any of which matches: APPLICATION_PENDING, KNOW_HOW, or a kind of title granted (INVENTION_PATENT…). */
  ipStatuses?: Array<string> | null | undefined;
  /** The sectors, any of which matches. */
  sectors?: Array<Sector> | null | undefined;
  /** The stages, any of which matches. */
  stages?: Array<Stage> | null | undefined;
  /** Technology readiness bands, any of which matches: TRL_1_3, TRL_4_6, TRL_7_9. */
  trlBands?: Array<string> | null | undefined;
  /** Ward, commune or special zone names, exactly as listed. */
  wards?: Array<string> | null | undefined;
};

/** Business sectors: a closed taxonomy led by the city's priorities. */
export type Sector =
  /** Advanced manufacturing (Sản xuất tiên tiến); a city priority. */
  | 'ADVANCED_MANUFACTURING'
  /** Agritech and food (Nông nghiệp và thực phẩm). */
  | 'AGRITECH_FOOD'
  /** Artificial intelligence (Trí tuệ nhân tạo); a city priority. */
  | 'ARTIFICIAL_INTELLIGENCE'
  /** Biotechnology (Công nghệ sinh học). */
  | 'BIOTECH'
  /** Creative industries and media (Sáng tạo và truyền thông). */
  | 'CREATIVE_MEDIA'
  /** Digital transformation (Chuyển đổi số). */
  | 'DIGITAL_TRANSFORMATION'
  /** E-commerce and retail (Thương mại điện tử và bán lẻ). */
  | 'ECOMMERCE_RETAIL'
  /** Edtech (Công nghệ giáo dục). */
  | 'EDTECH'
  /** Fintech (Công nghệ tài chính). */
  | 'FINTECH'
  /** Green industry and energy (Công nghiệp xanh và năng lượng); a city priority. */
  | 'GREEN_INDUSTRY_ENERGY'
  /** Healthtech (Công nghệ y tế). */
  | 'HEALTHTECH'
  /** IoT and hardware (IoT và phần cứng). */
  | 'IOT_HARDWARE'
  /** Marine science and technology (Khoa học và công nghệ biển); a city priority. */
  | 'MARINE_SCIENCE_TECH'
  /** Port logistics (Cảng biển và logistics); a city priority. */
  | 'PORT_LOGISTICS'
  /** Semiconductors (Bán dẫn); a city priority. */
  | 'SEMICONDUCTORS'
  /** Smart city (Đô thị thông minh). */
  | 'SMART_CITY'
  /** Software and SaaS (Phần mềm và SaaS). */
  | 'SOFTWARE_SAAS'
  /** Tourism and hospitality (Du lịch và dịch vụ). */
  | 'TOURISM_HOSPITALITY';

/** A firm member's acceptance of the NDA. */
export type SignNdaInput = {
  /** The global ID of the conversation. */
  id: string | number;
  /** The version of the NDA the user read (transferNda.version). */
  ndaVersion: string;
};

/** How far a startup has come, from earliest to latest. */
export type Stage =
  /** Scaling, past Series A (Tăng trưởng). */
  | 'GROWTH'
  /** An idea, no product yet (Ý tưởng). */
  | 'IDEA'
  /** First users, before a seed round (Tiền hạt giống). */
  | 'PRE_SEED'
  /** A working prototype (Nguyên mẫu). */
  | 'PROTOTYPE'
  /** Raising or raised a seed round (Hạt giống). */
  | 'SEED'
  /** Raising or raised a Series A (Vòng A). */
  | 'SERIES_A';

/** How a console draws a series. */
export type StatisticChart =
  /** Categories, as bars. */
  | 'BARS'
  /** Stages, each a subset of the one before. */
  | 'FUNNEL'
  /** Periods in order, as a trend. */
  | 'TREND';

/** What a statistic's values count. */
export type StatisticUnit =
  /** Records: calls, applications, meetings, agreements. */
  | 'COUNT'
  /** Distinct firms; the open data suppresses cells under 3. */
  | 'FIRMS'
  /** Đồng. */
  | 'VND';

/** What applying to a call takes. */
export type SubmitApplicationInput = {
  /** The answers, by question key. */
  answers?: Array<AnswerInput> | null | undefined;
  /** The global ID of the call. */
  callId: string | number;
  /**
   * Save as a DRAFT, checked in full when moved to SUBMITTED.
   * @deprecated Use createApplication, which starts a draft as every create does.
   */
  draft?: boolean | null | undefined;
  /** Any unique string per attempt: repeating it returns the same application. */
  idempotencyKey: string;
  /** The amount asked for, in đồng. */
  requestedAmountVnd: string;
  /** The global ID of the startup. */
  startupId: string | number;
};

/** A reviewer's scores of an application. */
export type SubmitReviewInput = {
  /** The global ID of the application. */
  applicationId: string | number;
  /** The scores, one per criterion. */
  scores: Array<ScoreInput>;
};

/** A confirmation from a support organisation that it supports the firm. */
export type SupportConfirmationInput = {
  /** A reference to the supporting document (a file name or URL) kept with the evidence. */
  documentRef: string;
  /** When it was issued. */
  issuedOn: string;
  /** Who issued it. */
  issuer: string;
};

/** The kind of file a table of startups comes in. */
export type TableFormat =
  /** Comma- (or semicolon-) separated values in UTF-8, as text. */
  | 'CSV'
  /** An Excel workbook (its first sheet), base64-encoded. */
  | 'XLSX';

/** Where a technology offer is in its life. */
export type TechOfferStatus =
  /** Seen only by its organisation. */
  | 'DRAFT'
  /** Public, searchable, matched and open to interest. */
  | 'PUBLISHED'
  /** Its IP was sold under an agreement. */
  | 'TRANSFERRED'
  /** Taken back by its organisation. */
  | 'WITHDRAWN';

/** The kind of protection of an offer's technology: the firm evidence's IP kinds, and know-how. */
export type TechnologyIpKind =
  /** Semiconductor layout design (thiết kế bố trí mạch tích hợp). */
  | 'IC_LAYOUT_DESIGN'
  /** Industrial design (kiểu dáng công nghiệp). */
  | 'INDUSTRIAL_DESIGN'
  /** Invention patent (bằng độc quyền sáng chế). */
  | 'INVENTION_PATENT'
  /** Unpatented know-how (bí quyết kỹ thuật). */
  | 'KNOW_HOW'
  /** Plant variety protection (giống cây trồng). */
  | 'PLANT_VARIETY'
  /** Software copyright (quyền tác giả phần mềm). */
  | 'SOFTWARE_COPYRIGHT'
  /** Recognised technical advance (tiến bộ kỹ thuật). */
  | 'TECHNICAL_ADVANCE'
  /** Utility solution patent (bằng độc quyền giải pháp hữu ích). */
  | 'UTILITY_SOLUTION';

/** Where a firm's conversation about an offer is. */
export type TransferStage =
  /** Either side ended it, or the organisation declined the interest. */
  | 'ABANDONED'
  /** They agreed; see agreement. */
  | 'AGREED'
  /** The firm expressed interest; the organisation accepts or declines it. */
  | 'INTERESTED'
  /** The firm accepted the NDA: the details are open to it. */
  | 'NDA_SIGNED'
  /** The two sides are negotiating. */
  | 'NEGOTIATING';

/** Changes a DRAFT application; required answers may still be missing. */
export type UpdateApplicationDraftInput = {
  /** Replaces all answers. */
  answers?: Array<AnswerInput> | null | undefined;
  /** The global ID of the record to change. */
  id: string | number;
  /** The amount asked for, in đồng. */
  requestedAmountVnd: string;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** Replaces a DRAFT's content; the key stays. */
export type UpdateCriteriaSetInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** The criteria set. */
  set: CriteriaSetInput;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/**
 * Changes the given fields. A DRAFT call may change anything; an OPEN call only
 * its title, description and a later closing time.
 */
export type UpdateFundCallInput = {
  /** The money the call awards in all, in đồng. */
  budgetVnd?: string | null | undefined;
  /** …until just before this one. */
  closesAt?: string | null | undefined;
  /** What the call funds and how. */
  description?: string | null | undefined;
  /** Who may apply, as CEL rules. */
  eligibilityRules?: Array<EligibilityRuleInput> | null | undefined;
  /** The global ID of the record to change. */
  id: string | number;
  /** Applications are accepted from this instant. */
  opensAt?: string | null | undefined;
  /** The form, in order. */
  questions?: Array<QuestionInput> | null | undefined;
  /** How reviewers score its applications. */
  rubric?: RubricInput | null | undefined;
  /** The sectors, any of which matches. */
  sectors?: Array<Sector> | null | undefined;
  /** The largest amount an application may ask for. */
  ticketMaxVnd?: string | null | undefined;
  /** The smallest amount an application may ask for. */
  ticketMinVnd?: string | null | undefined;
  /** The title applicants see. */
  title?: string | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
  /** The wards, communes or special zones, exactly as written. */
  wards?: Array<string> | null | undefined;
};

/** What changing a fund takes; absent fields stay as they are. */
export type UpdateFundInput = {
  /** What it invests in and how. */
  description?: string | null | undefined;
  /** The global ID of the record to change. */
  id: string | number;
  /** The name, in Vietnamese. */
  name?: string | null | undefined;
  /** The name in English. */
  nameEn?: string | null | undefined;
  /** Whether a public (state) fund. */
  public?: boolean | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
};

/** What changing an incubator takes; absent fields stay as they are. */
export type UpdateIncubatorInput = {
  /** The global ID of the record to change. */
  id: string | number;
  /** The name, in Vietnamese. */
  name?: string | null | undefined;
  /** The name in English. */
  nameEn?: string | null | undefined;
  /** The programmes it runs; the list given replaces the old one. */
  programs?: Array<IncubatorProgramInput> | null | undefined;
  /** The university or institute it belongs to. */
  university?: string | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
  /** The ward it is in. */
  ward?: string | null | undefined;
  /** The public website. */
  website?: string | null | undefined;
};

/** Changes the given fields; omitted fields stay. Send an empty string to clear an optional text. */
export type UpdateStartupInput = {
  /** Changes the contact's given fields, nested as on create. */
  contact?: ContactPatchInput | null | undefined;
  /**
   * The contact e-mail (the old flat form).
   * @deprecated Use contact.email, nested as on create.
   */
  contactEmail?: string | null | undefined;
  /**
   * The contact phone (the old flat form).
   * @deprecated Use contact.phone, nested as on create.
   */
  contactPhone?: string | null | undefined;
  /** What it does, in its own words. */
  description?: string | null | undefined;
  /** Replaces all screening evidence. */
  evidence?: EvidenceInput | null | undefined;
  /** Changes the financials' given fields, nested as on create. */
  financials?: FinancialsPatchInput | null | undefined;
  /** When it was founded (its first registration). */
  foundedOn?: string | null | undefined;
  /**
   * How much the startup seeks, in đồng.
   * @deprecated Use financials.fundingNeedVnd, nested as on create.
   */
  fundingNeedVnd?: string | null | undefined;
  /** The global ID of the record to change. */
  id: string | number;
  /** Move the startup to this incubator; null takes it out of its incubator (so does an empty string, the old form). */
  incubatorId?: string | number | null | undefined;
  /** The name. */
  name?: string | null | undefined;
  /** The English name, where one was given. */
  nameEn?: string | null | undefined;
  /**
   * Replaces the whole revenue history.
   * @deprecated Use financials.revenue, nested as on create.
   */
  revenue?: Array<YearRevenueInput> | null | undefined;
  /** The sectors it works in. */
  sectors?: Array<Sector> | null | undefined;
  /** How far it has come. */
  stage?: Stage | null | undefined;
  /** The enterprise tax code (mã số doanh nghiệp), checked digit by digit. */
  taxCode?: string | null | undefined;
  /** How many people work in it. */
  teamSize?: number | null | undefined;
  /** The version the client last read; a stale one is a VERSION_CONFLICT. */
  version: number;
  /** The ward, commune or special zone, as written. */
  ward?: string | null | undefined;
  /** The public website. */
  website?: string | null | undefined;
};

/** The stable codes of user-fixable input problems. */
export type UserErrorCode =
  /** The caller is already registered for the event. */
  | 'ALREADY_REGISTERED'
  /** The call does not take applications now (before opening, after the deadline, or not open). */
  | 'CALL_NOT_OPEN'
  /** The two may not meet: same person, not both confirmed, types the event does not pair, or a NO_THANKS. */
  | 'CANNOT_MEET'
  /** The reviewer has a conflict of interest with the applicant. */
  | 'CONFLICT_OF_INTEREST'
  /** The startup already applied to this call. */
  | 'DUPLICATE_APPLICATION'
  /** A pending or accepted request between the two already exists. */
  | 'DUPLICATE_REQUEST'
  /** Another firm already registered this tax code. */
  | 'DUPLICATE_TAX_CODE'
  /** The event and its waitlist are full. */
  | 'EVENT_FULL'
  /** The idempotency key was used for a different application. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** An eligibility rule does not compile or type-check; the message gives line:column. */
  | 'INVALID_EXPRESSION'
  /** The enterprise tax code is malformed or fails its check digit. */
  | 'INVALID_TAX_CODE'
  /** The record's status does not allow this change. */
  | 'INVALID_TRANSITION'
  /** A value breaks a rule; the message says which. */
  | 'INVALID_VALUE'
  /** A participant reached the event's meeting maximum. */
  | 'MEETING_LIMIT_REACHED'
  /** The startup does not meet an eligibility rule; one error per failing rule. */
  | 'NOT_ELIGIBLE'
  /** A referenced record does not exist. */
  | 'NOT_FOUND'
  /** The event does not take registrations now (outside its window, or not published). */
  | 'REGISTRATION_CLOSED'
  /** The meeting request expired before an answer. */
  | 'REQUEST_EXPIRED'
  /** A required value is missing. */
  | 'REQUIRED'
  /** The slot is taken for one of the two, or every table is. */
  | 'SLOT_TAKEN'
  /** The record changed since the version the client sent; reload and retry. */
  | 'VERSION_CONFLICT';

/** A year's revenue, and how much of it came from science and technology products. */
export type YearRevenueInput = {
  /** The amount, in đồng. */
  amountVnd: string;
  /** Part from products made from S&T results. */
  stAmountVnd?: string | null | undefined;
  /** The year. */
  year: number;
};

export type CriteriaSetsQueryVariables = Exact<{ [key: string]: never; }>;


export type CriteriaSetsQuery = { criteriaSets: Array<{ id: string, key: string, setVersion: number, title: string, status: CriteriaSetStatus, effectiveFrom: string, legalBasis: string, criteria: Array<{ key: string }> }> };

export type CriteriaSetPageQueryVariables = Exact<{
  id: string | number;
  status?: ScreeningStatus | null | undefined;
}>;


export type CriteriaSetPageQuery = { node:
    | { id: string, version: number, key: string, setVersion: number, status: CriteriaSetStatus, effectiveFrom: string, legalBasis: string, titleLocalized: { vi: string, en: string | null }, criteria: Array<{ key: string, group: string | null, expression: string, needs: Array<string>, passReasonLocalized: { vi: string, en: string | null }, failReasonLocalized: { vi: string, en: string | null } }>, screeningCounts: Array<{ status: ScreeningStatus, count: number }> | null, screeningResults: { totalCount: number, edges: Array<{ node: { status: ScreeningStatus, evaluatedAt: string, startup: { id: string, name: string } } }> } | null }
    | Record<PropertyKey, never>
   | null };

export type PreviewCriteriaSetQueryVariables = Exact<{
  id: string | number;
}>;


export type PreviewCriteriaSetQuery = { previewCriteriaSet: { firms: number, changes: number, firmsChanging: Array<{ from: ScreeningStatus | null, to: ScreeningStatus, startup: { id: string, name: string } }> } | null };

export type CreateCriteriaSetMutationVariables = Exact<{
  input: CriteriaSetInput;
}>;


export type CreateCriteriaSetMutation = { createCriteriaSet: { criteriaSet: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type UpdateCriteriaSetMutationVariables = Exact<{
  input: UpdateCriteriaSetInput;
}>;


export type UpdateCriteriaSetMutation = { updateCriteriaSet: { criteriaSet: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type PublishCriteriaSetMutationVariables = Exact<{
  input: CriteriaSetActionInput;
}>;


export type PublishCriteriaSetMutation = { publishCriteriaSet: { criteriaSet: { id: string, status: CriteriaSetStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RetireCriteriaSetMutationVariables = Exact<{
  input: CriteriaSetActionInput;
}>;


export type RetireCriteriaSetMutation = { retireCriteriaSet: { criteriaSet: { id: string, status: CriteriaSetStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type JobsQueryVariables = Exact<{ [key: string]: never; }>;


export type JobsQuery = { jobs: Array<{ name: string, schedule: string, lastRun: { id: string, status: JobRunStatus, trigger: JobTrigger, instance: string, startedAt: string, finishedAt: string | null, stats: string | null, error: string | null } | null }> | null };

export type RunJobMutationVariables = Exact<{
  input: RunJobInput;
}>;


export type RunJobMutation = { runJob: { jobRun: { id: string, status: JobRunStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RegistryQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistryQuery = { sectors: Array<{ sector: Sector, label: string }>, incubatorsConnection: { edges: Array<{ node: { id: string, version: number, name: string, nameEn: string | null, university: string, ward: string, website: string | null, programs: Array<{ name: string }> } }> }, funds: Array<{ id: string, version: number, name: string, nameEn: string | null, description: string | null, public: boolean }> };

export type CreateIncubatorMutationVariables = Exact<{
  input: CreateIncubatorInput;
}>;


export type CreateIncubatorMutation = { createIncubator: { incubator: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type UpdateIncubatorMutationVariables = Exact<{
  input: UpdateIncubatorInput;
}>;


export type UpdateIncubatorMutation = { updateIncubator: { incubator: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CreateFundMutationVariables = Exact<{
  input: CreateFundInput;
}>;


export type CreateFundMutation = { createFund: { fund: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type UpdateFundMutationVariables = Exact<{
  input: UpdateFundInput;
}>;


export type UpdateFundMutation = { updateFund: { fund: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ImportStartupsMutationVariables = Exact<{
  input: ImportStartupsInput;
}>;


export type ImportStartupsMutation = { importStartups: { report: { dryRun: boolean, rows: number, created: number, updated: number, unchanged: number, refused: number, changes: Array<{ line: number, taxCode: string, name: string, action: ImportAction, fields: Array<string> }>, problems: Array<{ line: number, taxCode: string | null, field: Array<string> | null, code: UserErrorCode, message: string }> } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type MatchingWeightsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type MatchingWeightsPageQuery = { matchingWeights: Array<{ id: string, number: number, version: number, status: CriteriaSetStatus, origin: MatchingWeightsOrigin, note: string | null, createdAt: string, weights: Array<{ kind: MatchKind, factor: MatchFactor, weight: number }>, fit: Array<{ kind: MatchKind, targets: number, pairs: number, fitted: Array<MatchFactor>, orderedBefore: number, orderedAfter: number, unchanged: boolean }> }> | null };

export type FitMatchingWeightsMutationVariables = Exact<{
  input?: FitMatchingWeightsInput | null | undefined;
}>;


export type FitMatchingWeightsMutation = { fitMatchingWeights: { matchingWeights: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type PublishMatchingWeightsMutationVariables = Exact<{
  input: MatchingWeightsActionInput;
}>;


export type PublishMatchingWeightsMutation = { publishMatchingWeights: { matchingWeights: { id: string, status: CriteriaSetStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CompareMatchingWeightsQueryVariables = Exact<{
  a: string | number;
  b: string | number;
}>;


export type CompareMatchingWeightsQuery = { compareMatchingWeights: { lists: number, changed: number, meanShared: number, a: { number: number }, b: { number: number }, qualityA: Array<{ kind: MatchKind, targets: number, recall: number, mrr: number }>, qualityB: Array<{ kind: MatchKind, targets: number, recall: number, mrr: number }> } | null };

export type FirmIncentivesQueryVariables = Exact<{
  id: string | number;
}>;


export type FirmIncentivesQuery = { startup: { id: string, name: string, incentives: Array<{ standing: IncentiveStanding, unlock: string | null, conditions: Array<{ key: string, passed: boolean, reason: string, missing: Array<string> }>, incentive: { id: string, key: string, title: string, summary: string, legalBasis: string, article: string, authority: string, howToApply: string, applyUrl: string | null, example: boolean, effectiveTo: string | null, benefit: { kind: BenefitKind, ratePercent: number | null, capVnd: string | null, capPeriod: BenefitPeriod | null, durationMonths: number | null, terms: string | null } } }> | null, incentiveClaims: Array<{ id: string, incentiveKey: string, status: IncentiveClaimStatus, appliedOn: string, decidedOn: string | null, amountVnd: string }> | null } | null };

export type CityStatisticsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type CityStatisticsQuery = { cityStatistics: { from: string, to: string, computedAt: string, series: Array<{ key: string, title: string, definition: string, unit: StatisticUnit, chart: StatisticChart, points: Array<{ key: string, label: string, value: number }> }> } | null };

export type FounderHomeQueryVariables = Exact<{
  id: string | number;
}>;


export type FounderHomeQuery = { startup: { id: string, name: string, nameEn: string | null, description: string | null, website: string | null, teamSize: number, stage: Stage, ward: string, foundedOn: string, sectors: Array<Sector>, incubator: { id: string, name: string } | null, contact: { email: string, phone: string | null } | null, financials: { fundingNeedVnd: string, revenue: Array<{ year: number }> } | null, evidence: { legalForm: LegalForm | null, ipAssets: Array<{ kind: IpKind }>, certificates: Array<{ kind: CertificateKind }> } | null, calls: Array<{ id: string, score: number, program: string | null, explanation: Array<{ factor: MatchFactor, weight: number, value: number, contribution: number, detail: string }>, target:
        | { __typename: 'FundCall', id: string, name: string }
        | { __typename: 'Incubator', id: string, name: string }
        | { __typename: 'Investor', id: string, name: string }
        | { __typename: 'Mentor', id: string, name: string }
        | { __typename: 'ResearchOrganization', id: string, name: string }
        | { __typename: 'Startup', id: string, name: string }
        | { __typename: 'TechOffer', id: string, name: string }
        | { __typename: 'TechRequest', id: string, name: string }
       }> | null, investors: Array<{ id: string, score: number, program: string | null, explanation: Array<{ factor: MatchFactor, weight: number, value: number, contribution: number, detail: string }>, target:
        | { __typename: 'FundCall', id: string, name: string }
        | { __typename: 'Incubator', id: string, name: string }
        | { __typename: 'Investor', id: string, name: string }
        | { __typename: 'Mentor', id: string, name: string }
        | { __typename: 'ResearchOrganization', id: string, name: string }
        | { __typename: 'Startup', id: string, name: string }
        | { __typename: 'TechOffer', id: string, name: string }
        | { __typename: 'TechRequest', id: string, name: string }
       }> | null, mentors: Array<{ id: string, score: number, program: string | null, explanation: Array<{ factor: MatchFactor, weight: number, value: number, contribution: number, detail: string }>, target:
        | { __typename: 'FundCall', id: string, name: string }
        | { __typename: 'Incubator', id: string, name: string }
        | { __typename: 'Investor', id: string, name: string }
        | { __typename: 'Mentor', id: string, name: string }
        | { __typename: 'ResearchOrganization', id: string, name: string }
        | { __typename: 'Startup', id: string, name: string }
        | { __typename: 'TechOffer', id: string, name: string }
        | { __typename: 'TechRequest', id: string, name: string }
       }> | null, programs: Array<{ id: string, score: number, program: string | null, explanation: Array<{ factor: MatchFactor, weight: number, value: number, contribution: number, detail: string }>, target:
        | { __typename: 'FundCall', id: string, name: string }
        | { __typename: 'Incubator', id: string, name: string }
        | { __typename: 'Investor', id: string, name: string }
        | { __typename: 'Mentor', id: string, name: string }
        | { __typename: 'ResearchOrganization', id: string, name: string }
        | { __typename: 'Startup', id: string, name: string }
        | { __typename: 'TechOffer', id: string, name: string }
        | { __typename: 'TechRequest', id: string, name: string }
       }> | null, applications: { totalCount: number } | null } | null, sectors: Array<{ sector: Sector, label: string }> };

export type DismissMatchMutationVariables = Exact<{
  id: string | number;
}>;


export type DismissMatchMutation = { dismissMatch: { userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type BookmarkMatchMutationVariables = Exact<{
  id: string | number;
}>;


export type BookmarkMatchMutation = { bookmarkMatch: { userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type OpenCallsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpenCallsQuery = { fundCalls: { edges: Array<{ node: { id: string, title: string, description: string | null, status: FundCallStatus, closesAt: string, budgetVnd: string, ticketMinVnd: string, ticketMaxVnd: string, fund: { id: string, name: string } } }> } };

export type CallPageQueryVariables = Exact<{
  callId: string | number;
  startupId: string | number;
  founder: boolean;
}>;


export type CallPageQuery = { node:
    | { id: string, title: string, description: string | null, status: FundCallStatus, opensAt: string, closesAt: string, budgetVnd: string, ticketMinVnd: string, ticketMaxVnd: string, viewerCanApply: boolean, fund: { id: string, name: string }, questions: Array<{ key: string, label: string, kind: QuestionKind, required: boolean, minLength: number | null, maxLength: number | null, min: number | null, max: number | null, options: Array<string> }>, eligibilityRules: Array<{ key: string, description: string }> }
    | Record<PropertyKey, never>
   | null, checkEligibility?: { eligible: boolean, outcomes: Array<{ key: string, passed: boolean, reason: string }> } | null, startup?: { id: string, applications: { edges: Array<{ node: { id: string, status: ApplicationStatus, version: number, requestedAmountVnd: string, fundCall: { id: string }, answers: Array<{ questionKey: string, text: string | null, number: number | null, choices: Array<string> | null, documentRef: string | null }> } }> } | null } | null };

export type CreateApplicationMutationVariables = Exact<{
  input: CreateApplicationInput;
}>;


export type CreateApplicationMutation = { createApplication: { application: { id: string, status: ApplicationStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type SubmitApplicationMutationVariables = Exact<{
  input: SubmitApplicationInput;
}>;


export type SubmitApplicationMutation = { submitApplication: { application: { id: string, status: ApplicationStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type UpdateApplicationDraftMutationVariables = Exact<{
  input: UpdateApplicationDraftInput;
}>;


export type UpdateApplicationDraftMutation = { updateApplicationDraft: { application: { id: string, status: ApplicationStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type SubmitApplicationDraftMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type SubmitApplicationDraftMutation = { submitApplicationDraft: { application: { id: string, status: ApplicationStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type MyApplicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyApplicationsQuery = { viewer: { applications: { totalCount: number, edges: Array<{ node: { id: string, status: ApplicationStatus, requestedAmountVnd: string, submittedAt: string | null, fundCall: { id: string, title: string, closesAt: string }, history: Array<{ at: string, to: ApplicationStatus }> } }> } } };

export type ApplicationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ApplicationPageQuery = { application: { id: string, status: ApplicationStatus, version: number, requestedAmountVnd: string, submittedAt: string | null, fundCall: { id: string, title: string, questions: Array<{ key: string, label: string }> }, startup: { id: string, name: string }, answers: Array<{ questionKey: string, text: string | null, number: number | null, choices: Array<string> | null, documentRef: string | null }>, history: Array<{ at: string, from: ApplicationStatus, to: ApplicationStatus, reason: string | null, actor: { name: string | null } }>, feedback: Array<{ criterion: string, score: number, comment: string | null, passed: boolean | null }> | null } | null };

export type WithdrawApplicationMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type WithdrawApplicationMutation = { withdrawApplication: { application: { id: string, status: ApplicationStatus, version: number, history: Array<{ at: string, from: ApplicationStatus, to: ApplicationStatus, reason: string | null, actor: { name: string | null } }> } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ScreeningQueryVariables = Exact<{
  id: string | number;
}>;


export type ScreeningQuery = { startup: { id: string, version: number, screening: Array<{ setKey: string, setVersion: number, status: ScreeningStatus, evaluatedAt: string, criteria: Array<{ key: string, passed: boolean, reason: string }> }> | null, evidence: { legalForm: LegalForm | null, firstRegisteredOn: string | null, publicOffering: boolean, ipAssets: Array<{ kind: IpKind, number: string | null, grantedOn: string, expiresOn: string | null, documentRef: string }>, certificates: Array<{ kind: CertificateKind, issuedOn: string, expiresOn: string | null, documentRef: string }>, awards: Array<{ name: string }>, investments: Array<{ fund: string }>, confirmations: Array<{ issuer: string }> } | null } | null, criteriaSets: Array<{ key: string, title: string, legalBasis: string }> };

export type UpdateEvidenceMutationVariables = Exact<{
  input: UpdateStartupInput;
}>;


export type UpdateEvidenceMutation = { updateStartup: { startup: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type DataRoomQueryVariables = Exact<{
  id: string | number;
}>;


export type DataRoomQuery = { startup: { id: string, dataRoomGrants: Array<{ grantedAt: string, expiresAt: string, revokedAt: string | null, active: boolean, investor: { id: string, name: string }, grantor: { name: string | null } }> | null, dataRoomAccessLog: { totalCount: number, edges: Array<{ node: { subject: string, field: string, at: string, investor: { name: string } | null } }> } | null } | null, investors: { edges: Array<{ node: { id: string, name: string } }> } };

export type GrantDataRoomMutationVariables = Exact<{
  input: GrantDataRoomAccessInput;
}>;


export type GrantDataRoomMutation = { grantDataRoomAccess: { userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RevokeDataRoomMutationVariables = Exact<{
  input: RevokeDataRoomAccessInput;
}>;


export type RevokeDataRoomMutation = { revokeDataRoomAccess: { userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type FundHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type FundHomeQuery = { viewer: { organization:
      | { __typename: 'Fund', id: string, name: string, callsConnection: { edges: Array<{ node: { id: string, title: string, status: FundCallStatus, opensAt: string, closesAt: string, budgetVnd: string, applicationCounts: Array<{ status: ApplicationStatus, count: number }> } }> } }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor' }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null } };

export type CallEditorQueryVariables = Exact<{
  id: string | number;
  editing: boolean;
}>;


export type CallEditorQuery = { sectors: Array<{ sector: Sector, label: string }>, node?:
    | { id: string, version: number, status: FundCallStatus, title: string, description: string | null, opensAt: string, closesAt: string, budgetVnd: string, ticketMinVnd: string, ticketMaxVnd: string, sectors: Array<Sector>, questions: Array<{ key: string, kind: QuestionKind, required: boolean, minLength: number | null, maxLength: number | null, min: number | null, max: number | null, options: Array<string>, labelLocalized: { vi: string, en: string | null } }>, eligibilityRules: Array<{ key: string, expression: string, descriptionLocalized: { vi: string, en: string | null } }>, rubric: { overallThreshold: number, criteria: Array<{ key: string, weight: number, max: number, halfPoints: boolean, threshold: number, nameLocalized: { vi: string, en: string | null } }> } }
    | Record<PropertyKey, never>
   | null, startups?: { edges: Array<{ node: { id: string, name: string } }> } };

export type CreateCallMutationVariables = Exact<{
  input: CreateFundCallInput;
}>;


export type CreateCallMutation = { createFundCall: { fundCall: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type UpdateCallMutationVariables = Exact<{
  input: UpdateFundCallInput;
}>;


export type UpdateCallMutation = { updateFundCall: { fundCall: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type TryEligibilityQueryVariables = Exact<{
  callId: string | number;
  startupId: string | number;
}>;


export type TryEligibilityQuery = { checkEligibility: { eligible: boolean, outcomes: Array<{ key: string, passed: boolean, reason: string }> } | null };

export type ManageCallQueryVariables = Exact<{
  id: string | number;
  status?: ApplicationStatus | null | undefined;
  normalize: boolean;
}>;


export type ManageCallQuery = { node:
    | { id: string, version: number, title: string, status: FundCallStatus, opensAt: string, closesAt: string, budgetVnd: string, cancelReason: string | null, applicationCounts: Array<{ status: ApplicationStatus, count: number }>, rubric: { criteria: Array<{ key: string, name: string }> }, applications: { totalCount: number, edges: Array<{ node: { id: string, status: ApplicationStatus, requestedAmountVnd: string, submittedAt: string | null, startup: { id: string, name: string }, reviewers: Array<{ id: string }> | null, reviews: Array<{ submittedAt: string }> | null } }> }, ranking: { normalized: boolean, budgetVnd: string, entries: Array<{ rank: number, total: number, weightedScore: number, passed: boolean, requestedAmountVnd: string, cumulativeVnd: string, withinBudget: boolean, reviewCount: number, criteria: Array<{ criterion: string, score: number, passed: boolean | null }>, application: { id: string, status: ApplicationStatus, startup: { name: string } } }> } | null }
    | Record<PropertyKey, never>
   | null };

export type PublishCallMutationVariables = Exact<{
  input: FundCallActionInput;
}>;


export type PublishCallMutation = { publishFundCall: { fundCall: { id: string, status: FundCallStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CloseCallMutationVariables = Exact<{
  input: FundCallActionInput;
}>;


export type CloseCallMutation = { closeFundCall: { fundCall: { id: string, status: FundCallStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CancelCallMutationVariables = Exact<{
  input: FundCallActionInput;
}>;


export type CancelCallMutation = { cancelFundCall: { fundCall: { id: string, status: FundCallStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type DecideCallMutationVariables = Exact<{
  input: FundCallActionInput;
}>;


export type DecideCallMutation = { decideFundCall: { fundCall: { id: string, status: FundCallStatus, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ExtendCallMutationVariables = Exact<{
  input: UpdateFundCallInput;
}>;


export type ExtendCallMutation = { updateFundCall: { fundCall: { id: string, closesAt: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ManageApplicationQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageApplicationQuery = { node:
    | { id: string, version: number, status: ApplicationStatus, requestedAmountVnd: string, submittedAt: string | null, startup: { id: string, name: string }, fundCall: { id: string, title: string, status: FundCallStatus, questions: Array<{ key: string, label: string }>, rubric: { criteria: Array<{ key: string, name: string }> } }, answers: Array<{ questionKey: string, text: string | null, number: number | null, choices: Array<string> | null, documentRef: string | null }>, history: Array<{ at: string, from: ApplicationStatus, to: ApplicationStatus, reason: string | null, actor: { name: string | null, subject: string } }>, reviewers: Array<{ id: string, name: string }> | null, reviews: Array<{ submittedAt: string, reviewer: { id: string, name: string }, scores: Array<{ criterion: string, score: number, comment: string | null }> }> | null, feedback: Array<{ criterion: string, score: number, comment: string | null, passed: boolean | null }> | null }
    | Record<PropertyKey, never>
   | null, reviewers: { edges: Array<{ node: { id: string, name: string } }> } | null };

export type AssignReviewersMutationVariables = Exact<{
  input: AssignReviewersInput;
}>;


export type AssignReviewersMutation = { assignReviewers: { application: { id: string, version: number, reviewers: Array<{ id: string, name: string }> | null } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StartReviewMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type StartReviewMutation = { startApplicationReview: { application: { id: string, version: number, status: ApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ShortlistMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type ShortlistMutation = { shortlistApplication: { application: { id: string, version: number, status: ApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type AwardMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type AwardMutation = { awardApplication: { application: { id: string, version: number, status: ApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RejectMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type RejectMutation = { rejectApplication: { application: { id: string, version: number, status: ApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ManageEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type ManageEventsQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator', id: string, name: string, events: { totalCount: number, edges: Array<{ node: { id: string, title: string, kind: EventKind, status: EventStatus, start: string, seatsTaken: number, capacity: number, waitlisted: number, agendaStatus: AgendaStatus } }> } }
      | { __typename: 'Investor' }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null } };

export type CreateEventMutationVariables = Exact<{
  input: CreateEventInput;
}>;


export type CreateEventMutation = { createEvent: { event: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ManageEventQueryVariables = Exact<{
  id: string | number;
}>;


export type ManageEventQuery = { event: { id: string, title: string, kind: EventKind, status: EventStatus, start: string, end: string, venue: string, capacity: number, seatsTaken: number, waitlisted: number, agendaStatus: AgendaStatus, version: number, viewerCanManage: boolean, slots: Array<{ index: number, start: string, end: string }>, tables: Array<{ name: string }>, participantsConnection: { totalCount: number, edges: Array<{ node: { id: string, name: string, organization: string | null, type: string, status: RegistrationStatus, checkedInAt: string | null, waitlistPosition: number | null, startup: { id: string } | null, investor: { id: string } | null } }> }, meetingsConnection: { totalCount: number, edges: Array<{ node: { id: string, table: string, outcome: MeetingOutcome, slot: { index: number, start: string }, participants: Array<{ id: string, name: string }> } }> } | null, report: { checkedIn: number, ratings: number, averageRating: number | null, followUps: number, registrations: Array<{ type: string, status: RegistrationStatus, count: number }> } | null } | null };

export type PublishEventMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishEventMutation = { publishEvent: { event: { id: string, status: EventStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CancelEventMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelEventMutation = { cancelEvent: { event: { id: string, status: EventStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type DecideRegistrationMutationVariables = Exact<{
  input: DecideRegistrationInput;
}>;


export type DecideRegistrationMutation = { decideRegistration: { participant: { id: string, status: RegistrationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ScheduleMeetingsMutationVariables = Exact<{
  input: ScheduleEventMeetingsInput;
}>;


export type ScheduleMeetingsMutation = { scheduleEventMeetings: { result: { wanted: number, placed: number, meetings: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type PublishAgendaMutationVariables = Exact<{
  input: PublishAgendaInput;
}>;


export type PublishAgendaMutation = { publishAgenda: { event: { id: string, agendaStatus: AgendaStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CancelMeetingMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelMeetingMutation = { cancelMeeting: { meeting: { id: string, outcome: MeetingOutcome } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type CheckInQueryVariables = Exact<{
  id: string | number;
}>;


export type CheckInQuery = { event: { id: string, title: string, start: string, participantsConnection: { totalCount: number, edges: Array<{ node: { id: string, name: string, organization: string | null, checkedInAt: string | null } }> } } | null };

export type CheckInParticipantMutationVariables = Exact<{
  input: ParticipantInput;
}>;


export type CheckInParticipantMutation = { checkIn: { participant: { id: string, checkedInAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type MyIncubatorQueryVariables = Exact<{ [key: string]: never; }>;


export type MyIncubatorQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator', id: string, name: string, startups: { totalCount: number, edges: Array<{ node: { id: string, name: string, stage: Stage, screening: Array<{ setKey: string, status: ScreeningStatus }> | null, matches: Array<{ id: string, score: number, target:
                  | { __typename: 'FundCall' }
                  | { __typename: 'Incubator' }
                  | { __typename: 'Investor', id: string, name: string }
                  | { __typename: 'Mentor' }
                  | { __typename: 'ResearchOrganization' }
                  | { __typename: 'Startup' }
                  | { __typename: 'TechOffer' }
                  | { __typename: 'TechRequest' }
                 }> | null } }> } }
      | { __typename: 'Investor' }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null }, criteriaSets: Array<{ key: string, title: string }> };

export type DealFlowQueryVariables = Exact<{
  filter?: DealFlowFilter | null | undefined;
  first: number;
}>;


export type DealFlowQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor', id: string, name: string, dealFlow: { totalCount: number, edges: Array<{ fit: number | null, highlights: Array<{ field: string, snippet: string }>, deal: { id: string, stage: DealStage } | null, node: { id: string, name: string, description: string | null, stage: Stage, sectors: Array<Sector>, ward: string, incubator: { id: string, name: string } | null } }>, facets: { sectors: Array<{ value: string, label: string, count: number }>, stages: Array<{ value: string, label: string, count: number }>, incubators: Array<{ value: string, label: string, count: number }> } } | null }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null } };

export type SaveSearchMutationVariables = Exact<{
  input: SaveSearchInput;
}>;


export type SaveSearchMutation = { saveSearch: { savedSearch: { id: string, name: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StartupProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type StartupProfileQuery = { startup: { id: string, name: string, nameEn: string | null, description: string | null, website: string | null, teamSize: number, stage: Stage, ward: string, foundedOn: string, sectors: Array<Sector>, incubator: { id: string, name: string } | null, contact: { email: string, phone: string | null } | null, financials: { fundingNeedVnd: string, revenue: Array<{ year: number, amountVnd: string }> } | null } | null, viewer: { deals: { edges: Array<{ node: { id: string, stage: DealStage, daysInStage: number, startup: { id: string }, notes: Array<{ text: string, at: string, actor: { name: string | null } }>, history: Array<{ stage: DealStage, at: string }> } }> }, organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor', id: string }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null }, sectors: Array<{ sector: Sector, label: string }> };

export type MoveDealMutationVariables = Exact<{
  input: MoveDealInput;
}>;


export type MoveDealMutation = { moveDeal: { deal: { id: string, stage: DealStage, daysInStage: number } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type AddDealNoteMutationVariables = Exact<{
  input: AddDealNoteInput;
}>;


export type AddDealNoteMutation = { addDealNote: { deal: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type PipelineQueryVariables = Exact<{ [key: string]: never; }>;


export type PipelineQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor', id: string }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null, deals: { totalCount: number, edges: Array<{ node: { id: string, stage: DealStage, daysInStage: number, startup: { id: string, name: string, stage: Stage } } }> } } };

export type SavedSearchesQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedSearchesQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor', id: string, savedSearches: Array<{ id: string, name: string, query: string, sectors: Array<Sector>, stages: Array<Stage>, createdAt: string, incubators: Array<{ id: string, name: string }> }> | null }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null } };

export type DeleteSavedSearchMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSavedSearchMutation = { deleteSavedSearch: { deletedId: string | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type PublicCallsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicCallsQuery = { fundCalls: { edges: Array<{ node: { id: string, title: string, description: string | null, closesAt: string, budgetVnd: string, ticketMinVnd: string, ticketMaxVnd: string, fund: { name: string } } }> } };

export type PublicDirectoryQueryVariables = Exact<{
  query: string;
  filter?: SearchFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type PublicDirectoryQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { sectors: Array<{ value: string, label: string, count: number }>, stages: Array<{ value: string, label: string, count: number }>, wards: Array<{ value: string, label: string, count: number }> }, edges: Array<{ node:
        | { __typename: 'FundCall' }
        | { __typename: 'Investor' }
        | { __typename: 'Mentor' }
        | { __typename: 'Startup', id: string, name: string, ward: string, stage: Stage, sectors: Array<Sector>, description: string | null, incubator: { name: string } | null }
        | { __typename: 'TechOffer' }
        | { __typename: 'TechRequest' }
       }> }, sectors: Array<{ sector: Sector, label: string }> };

export type PublicIncubatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicIncubatorsQuery = { incubatorsConnection: { edges: Array<{ node: { id: string, name: string, university: string, ward: string, website: string | null, programs: Array<{ name: string, description: string | null }>, startups: { totalCount: number } } }> } };

export type PublicEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type PublicEventsQuery = { events: { edges: Array<{ node: { id: string, title: string, kind: EventKind, start: string, end: string, venue: string, incubator: { name: string } } }> } };

export type SandboxRegisterQueryVariables = Exact<{ [key: string]: never; }>;


export type SandboxRegisterQuery = { sandboxRegisterConnection: { totalCount: number, edges: Array<{ node: { startupName: string, product: string, status: SandboxStatus, testStartedOn: string | null, testEndsOn: string | null, outcome: SandboxOutcome | null, program: { name: string } } }> } };

export type SandboxQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type SandboxQueueQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor' }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram', id: string, name: string, holidays: Array<string> }
      | { __typename: 'Startup' }
     | null, sandboxApplications: { totalCount: number, edges: Array<{ node: { id: string, status: SandboxStatus, product: string, flags: Array<SandboxFlag>, startup: { name: string }, deadlines: { acknowledgeBy: string | null, assessBy: string | null, startBy: string | null, nextReportBy: string | null, testEndsOn: string | null } } }> } } };

export type SandboxCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type SandboxCaseQuery = { node:
    | { id: string, version: number, status: SandboxStatus, product: string, innovation: string | null, consumerBenefit: string | null, readiness: string | null, need: string | null, risks: string | null, mitigations: string | null, safeguards: string | null, disclosure: string | null, exitPlan: string | null, documents: Array<string>, startOn: string | null, conditions: Array<string>, rejectReasons: string | null, flags: Array<SandboxFlag>, outcome: SandboxOutcome | null, startup: { name: string }, requested: { durationDays: number, maxCustomers: number, wards: Array<string>, capPerCustomerVnd: string, totalCapVnd: string }, certified: { durationDays: number, maxCustomers: number, wards: Array<string>, capPerCustomerVnd: string, totalCapVnd: string } | null, deadlines: { acknowledgeBy: string | null, assessBy: string | null, startBy: string | null, nextReportBy: string | null, testEndsOn: string | null }, program: { name: string, holidays: Array<string>, limits: { durationDays: number, maxCustomers: number, wards: Array<string>, capPerCustomerVnd: string, totalCapVnd: string }, guides: Array<{ criterion: string, positive: Array<string>, negative: Array<string> }> }, history: Array<{ at: string, from: SandboxStatus, to: SandboxStatus, reason: string | null, actor: { name: string | null, subject: string } }>, infoRequests: Array<{ at: string, question: string, answer: string | null, answeredAt: string | null }>, assessments: Array<{ at: string, actor: { name: string | null, subject: string }, findings: Array<{ criterion: string, met: boolean, note: string | null }> }>, reports: Array<{ periodEnd: string, customers: number, transactions: number, volumeVnd: string, complaints: number, breaches: Array<string>, submittedAt: string, incidents: Array<{ critical: boolean, description: string }> }>, extensions: Array<{ days: number, reason: string, at: string, decided: boolean, approved: boolean }> }
    | Record<PropertyKey, never>
   | null };

export type AcknowledgeSandboxMutationVariables = Exact<{
  input: SandboxApplicationActionInput;
}>;


export type AcknowledgeSandboxMutation = { acknowledgeSandboxApplication: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RejectSandboxMutationVariables = Exact<{
  input: SandboxApplicationActionInput;
}>;


export type RejectSandboxMutation = { rejectSandboxApplication: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type SuspendSandboxMutationVariables = Exact<{
  input: SandboxApplicationActionInput;
}>;


export type SuspendSandboxMutation = { suspendSandboxTest: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type LiftSandboxMutationVariables = Exact<{
  input: SandboxApplicationActionInput;
}>;


export type LiftSandboxMutation = { liftSandboxSuspension: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RequestSandboxInfoMutationVariables = Exact<{
  input: SandboxTextInput;
}>;


export type RequestSandboxInfoMutation = { requestSandboxInformation: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type AssessSandboxMutationVariables = Exact<{
  input: AssessSandboxInput;
}>;


export type AssessSandboxMutation = { assessSandboxApplication: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ApproveSandboxMutationVariables = Exact<{
  input: ApproveSandboxInput;
}>;


export type ApproveSandboxMutation = { approveSandboxApplication: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ExitSandboxMutationVariables = Exact<{
  input: ExitSandboxInput;
}>;


export type ExitSandboxMutation = { exitSandboxTest: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type DecideSandboxExtensionMutationVariables = Exact<{
  input: DecideSandboxExtensionInput;
}>;


export type DecideSandboxExtensionMutation = { decideSandboxExtension: { sandboxApplication: { id: string, version: number, status: SandboxStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type MyReviewsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyReviewsQuery = { viewer: { reviewAssignments: { totalCount: number, edges: Array<{ node: { id: string, status: ApplicationStatus, submittedAt: string | null, fundCall: { title: string, closesAt: string }, startup: { name: string }, reviews: Array<{ reviewer: { subject: string } }> | null } }> } } };

export type ReviewApplicationQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewApplicationQuery = { node:
    | { id: string, status: ApplicationStatus, requestedAmountVnd: string, startup: { name: string, description: string | null }, fundCall: { title: string, questions: Array<{ key: string, label: string }>, rubric: { overallThreshold: number, criteria: Array<{ key: string, name: string, weight: number, max: number, halfPoints: boolean, threshold: number }> } }, answers: Array<{ questionKey: string, text: string | null, number: number | null, choices: Array<string> | null, documentRef: string | null }>, reviews: Array<{ reviewer: { subject: string }, scores: Array<{ criterion: string, score: number, comment: string | null }> }> | null }
    | Record<PropertyKey, never>
   | null };

export type SubmitReviewMutationVariables = Exact<{
  input: SubmitReviewInput;
}>;


export type SubmitReviewMutation = { submitReview: { application: { id: string, reviews: Array<{ reviewer: { subject: string }, scores: Array<{ criterion: string, score: number, comment: string | null }> }> | null } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type DeclareConflictMutationVariables = Exact<{
  input: DeclareConflictOfInterestInput;
}>;


export type DeclareConflictMutation = { declareConflictOfInterest: { application: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type EventsQueryVariables = Exact<{ [key: string]: never; }>;


export type EventsQuery = { events: { edges: Array<{ node: { id: string, title: string, kind: EventKind, start: string, end: string, venue: string, seatsTaken: number, capacity: number, incubator: { id: string, name: string }, myRegistration: { id: string, status: RegistrationStatus } | null } }> } };

export type EventPageQueryVariables = Exact<{
  id: string | number;
}>;


export type EventPageQuery = { event: { id: string, title: string, kind: EventKind, description: string | null, start: string, end: string, venue: string, seatsTaken: number, capacity: number, status: EventStatus, viewerCanRegister: boolean, viewerCanManage: boolean, agendaStatus: AgendaStatus, incubator: { id: string, name: string }, myRegistration: { id: string, status: RegistrationStatus, type: string, waitlistPosition: number | null, recommendations: Array<{ score: number, explanation: Array<{ factor: MatchFactor, contribution: number, detail: string }>, participant: { id: string, name: string, organization: string | null, type: string, myMark: MeetingMark | null, startup: { id: string } | null } }> | null } | null, myMeetingRequests: Array<{ id: string, status: MeetingRequestStatus, message: string | null, sentAt: string, from: { id: string, name: string, organization: string | null }, to: { id: string, name: string, organization: string | null } }> | null, myAgenda: { status: AgendaStatus, ics: string, items: Array<{ meeting: { id: string, table: string, slot: { start: string, end: string } }, with: { id: string, name: string, organization: string | null } }> } | null } | null };

export type RegisterForEventMutationVariables = Exact<{
  input: RegisterForEventInput;
}>;


export type RegisterForEventMutation = { registerForEvent: { participant: { id: string, status: RegistrationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type MarkParticipantMutationVariables = Exact<{
  input: MarkParticipantInput;
}>;


export type MarkParticipantMutation = { markParticipant: { participant: { id: string, myMark: MeetingMark | null } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RequestMeetingMutationVariables = Exact<{
  input: RequestMeetingInput;
}>;


export type RequestMeetingMutation = { requestMeeting: { request: { id: string, status: MeetingRequestStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RespondToMeetingRequestMutationVariables = Exact<{
  input: RespondToMeetingRequestInput;
}>;


export type RespondToMeetingRequestMutation = { respondToMeetingRequest: { request: { id: string, status: MeetingRequestStatus } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type NotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsQuery = { viewer: { notifications: { totalCount: number, edges: Array<{ node: { id: string, kind: NotificationKind, message: string, createdAt: string, readAt: string | null, startup: { id: string, name: string } | null, application: { id: string } | null } }> } } };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { notification: { id: string, readAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type TechnologyMarketQueryVariables = Exact<{
  query: string;
  filter?: SearchFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type TechnologyMarketQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { sectors: Array<{ value: string, label: string, count: number }>, trlBands: Array<{ value: string, count: number }>, ipStatuses: Array<{ value: string, count: number }>, cooperation: Array<{ value: string, count: number }> }, edges: Array<{ node:
        | { __typename: 'FundCall' }
        | { __typename: 'Investor' }
        | { __typename: 'Mentor' }
        | { __typename: 'Startup' }
        | { __typename: 'TechOffer', id: string, title: string, titleEn: string | null, summary: string, summaryEn: string | null, trl: number, cooperation: Array<Cooperation>, organization: { name: string, nameEn: string | null } }
        | { __typename: 'TechRequest' }
       }> } };

export type TechOfferPageQueryVariables = Exact<{
  id: string | number;
}>;


export type TechOfferPageQuery = { node:
    | { id: string, title: string, titleEn: string | null, summary: string, summaryEn: string | null, offerStatus: TechOfferStatus, trl: number, stateFunded: boolean, cooperation: Array<Cooperation>, terms: string | null, inventors: Array<string>, publishedAt: string | null, sectors: Array<Sector>, viewerCanManage: boolean, details: string | null, ip: Array<{ kind: TechnologyIpKind, pending: boolean, number: string | null, filedOn: string | null, grantedOn: string | null }>, organization: { name: string, nameEn: string | null, contactEmail: string | null, website: string | null }, myConversation: { id: string, stage: TransferStage, accepted: boolean, nda: { at: string } | null } | null, conversations: { edges: Array<{ node: { id: string, stage: TransferStage, accepted: boolean, message: string | null, createdAt: string, firm: { name: string } } }> } | null, detailReads: { totalCount: number } | null }
    | Record<PropertyKey, never>
   | null, transferNda: { version: string, text: string }, viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor' }
      | { __typename: 'ResearchOrganization' }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup', id: string }
     | null } };

export type ExpressInterestMutationVariables = Exact<{
  input: ExpressInterestInput;
}>;


export type ExpressInterestMutation = { expressInterest: { conversation: { id: string, stage: TransferStage } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type SignNdaMutationVariables = Exact<{
  input: SignNdaInput;
}>;


export type SignNdaMutation = { signNda: { conversation: { id: string, stage: TransferStage } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type RespondToInterestMutationVariables = Exact<{
  input: RespondToInterestInput;
}>;


export type RespondToInterestMutation = { respondToInterest: { conversation: { id: string, stage: TransferStage, accepted: boolean } | null, userErrors: Array<{ field: Array<string> | null, code: UserErrorCode, message: string }> } };

export type OurOffersQueryVariables = Exact<{ [key: string]: never; }>;


export type OurOffersQuery = { viewer: { organization:
      | { __typename: 'Fund' }
      | { __typename: 'Incubator' }
      | { __typename: 'Investor' }
      | { __typename: 'ResearchOrganization', id: string, name: string, nameEn: string | null, offers: { totalCount: number, edges: Array<{ node: { id: string, title: string, titleEn: string | null, offerStatus: TechOfferStatus, trl: number } }> } }
      | { __typename: 'Reviewer' }
      | { __typename: 'SandboxProgram' }
      | { __typename: 'Startup' }
     | null }, transferConversations: { edges: Array<{ node: { id: string, stage: TransferStage, accepted: boolean, registrationReminders: Array<string>, offer: { id: string, title: string, titleEn: string | null }, firm: { name: string }, agreement: { registrationRequired: boolean, registrationNumber: string | null } | null } }> } | null };

export type CheckExpressionQueryVariables = Exact<{
  language: ExpressionLanguage;
  expression: string;
}>;


export type CheckExpressionQuery = { checkExpression: { valid: boolean, problems: Array<{ line: number | null, column: number | null, message: string }> } | null };

export type MatchFieldsFragment = { id: string, score: number, program: string | null, explanation: Array<{ factor: MatchFactor, weight: number, value: number, contribution: number, detail: string }>, target:
    | { __typename: 'FundCall', id: string, name: string }
    | { __typename: 'Incubator', id: string, name: string }
    | { __typename: 'Investor', id: string, name: string }
    | { __typename: 'Mentor', id: string, name: string }
    | { __typename: 'ResearchOrganization', id: string, name: string }
    | { __typename: 'Startup', id: string, name: string }
    | { __typename: 'TechOffer', id: string, name: string }
    | { __typename: 'TechRequest', id: string, name: string }
   };

export const MatchFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Match"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MatchFieldsFragment, unknown>;
export const CriteriaSetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CriteriaSets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteriaSets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"setVersion"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]} as unknown as DocumentNode<CriteriaSetsQuery, CriteriaSetsQueryVariables>;
export const CriteriaSetPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CriteriaSetPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ScreeningStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CriteriaSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"setVersion"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveFrom"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"titleLocalized"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vi"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"expression"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"passReasonLocalized"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vi"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failReasonLocalized"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vi"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"screeningCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"screeningResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CriteriaSetPageQuery, CriteriaSetPageQueryVariables>;
export const PreviewCriteriaSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewCriteriaSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewCriteriaSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firms"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}},{"kind":"Field","name":{"kind":"Name","value":"firmsChanging"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PreviewCriteriaSetQuery, PreviewCriteriaSetQueryVariables>;
export const CreateCriteriaSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCriteriaSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CriteriaSetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCriteriaSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteriaSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCriteriaSetMutation, CreateCriteriaSetMutationVariables>;
export const UpdateCriteriaSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCriteriaSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCriteriaSetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCriteriaSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteriaSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCriteriaSetMutation, UpdateCriteriaSetMutationVariables>;
export const PublishCriteriaSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishCriteriaSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CriteriaSetActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishCriteriaSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteriaSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishCriteriaSetMutation, PublishCriteriaSetMutationVariables>;
export const RetireCriteriaSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetireCriteriaSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CriteriaSetActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retireCriteriaSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteriaSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RetireCriteriaSetMutation, RetireCriteriaSetMutationVariables>;
export const JobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"}},{"kind":"Field","name":{"kind":"Name","value":"lastRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"instance"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stats"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<JobsQuery, JobsQueryVariables>;
export const RunJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RunJobMutation, RunJobMutationVariables>;
export const RegistryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Registry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incubatorsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"university"}},{"kind":"Field","name":{"kind":"Name","value":"ward"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"funds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"public"}}]}}]}}]} as unknown as DocumentNode<RegistryQuery, RegistryQueryVariables>;
export const CreateIncubatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIncubator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIncubatorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIncubator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateIncubatorMutation, CreateIncubatorMutationVariables>;
export const UpdateIncubatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIncubator"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateIncubatorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIncubator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateIncubatorMutation, UpdateIncubatorMutationVariables>;
export const CreateFundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateFundMutation, CreateFundMutationVariables>;
export const UpdateFundDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFund"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFundInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFund"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateFundMutation, UpdateFundMutationVariables>;
export const ImportStartupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportStartups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportStartupsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importStartups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"taxCode"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportStartupsMutation, ImportStartupsMutationVariables>;
export const MatchingWeightsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MatchingWeightsPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchingWeights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"weights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"pairs"}},{"kind":"Field","name":{"kind":"Name","value":"fitted"}},{"kind":"Field","name":{"kind":"Name","value":"orderedBefore"}},{"kind":"Field","name":{"kind":"Name","value":"orderedAfter"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}}]}}]}}]}}]} as unknown as DocumentNode<MatchingWeightsPageQuery, MatchingWeightsPageQueryVariables>;
export const FitMatchingWeightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FitMatchingWeights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FitMatchingWeightsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fitMatchingWeights"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchingWeights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FitMatchingWeightsMutation, FitMatchingWeightsMutationVariables>;
export const PublishMatchingWeightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishMatchingWeights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MatchingWeightsActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishMatchingWeights"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchingWeights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishMatchingWeightsMutation, PublishMatchingWeightsMutationVariables>;
export const CompareMatchingWeightsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompareMatchingWeights"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compareMatchingWeights"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"a"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}},{"kind":"Argument","name":{"kind":"Name","value":"b"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"a"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"b"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lists"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"meanShared"}},{"kind":"Field","name":{"kind":"Name","value":"qualityA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"recall"}},{"kind":"Field","name":{"kind":"Name","value":"mrr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qualityB"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targets"}},{"kind":"Field","name":{"kind":"Name","value":"recall"}},{"kind":"Field","name":{"kind":"Name","value":"mrr"}}]}}]}}]}}]} as unknown as DocumentNode<CompareMatchingWeightsQuery, CompareMatchingWeightsQueryVariables>;
export const FirmIncentivesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirmIncentives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incentives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"standing"}},{"kind":"Field","name":{"kind":"Name","value":"unlock"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incentive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"article"}},{"kind":"Field","name":{"kind":"Name","value":"authority"}},{"kind":"Field","name":{"kind":"Name","value":"howToApply"}},{"kind":"Field","name":{"kind":"Name","value":"applyUrl"}},{"kind":"Field","name":{"kind":"Name","value":"example"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTo"}},{"kind":"Field","name":{"kind":"Name","value":"benefit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"ratePercent"}},{"kind":"Field","name":{"kind":"Name","value":"capVnd"}},{"kind":"Field","name":{"kind":"Name","value":"capPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"durationMonths"}},{"kind":"Field","name":{"kind":"Name","value":"terms"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"incentiveClaims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incentiveKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"amountVnd"}}]}}]}}]}}]} as unknown as DocumentNode<FirmIncentivesQuery, FirmIncentivesQueryVariables>;
export const CityStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CityStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cityStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"chart"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CityStatisticsQuery, CityStatisticsQueryVariables>;
export const FounderHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FounderHome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"teamSize"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"ward"}},{"kind":"Field","name":{"kind":"Name","value":"foundedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"financials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingNeedVnd"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"ipAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"calls"},"name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"FUND_CALL"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"investors"},"name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"INVESTOR"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"mentors"},"name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"MENTOR"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"programs"},"name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"INCUBATOR"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MatchFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MatchFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Match"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Listing"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<FounderHomeQuery, FounderHomeQueryVariables>;
export const DismissMatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DismissMatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissMatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DismissMatchMutation, DismissMatchMutationVariables>;
export const BookmarkMatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BookmarkMatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookmarkMatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BookmarkMatchMutation, BookmarkMatchMutationVariables>;
export const OpenCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMinVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMaxVnd"}},{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OpenCallsQuery, OpenCallsQueryVariables>;
export const CallPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"founder"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMinVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMaxVnd"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanApply"}},{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkEligibility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}},{"kind":"Argument","name":{"kind":"Name","value":"startupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startupId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"founder"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startupId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"founder"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}},{"kind":"Field","name":{"kind":"Name","value":"documentRef"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CallPageQuery, CallPageQueryVariables>;
export const CreateApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApplicationMutation, CreateApplicationMutationVariables>;
export const SubmitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const UpdateApplicationDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateApplicationDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApplicationDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApplicationDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateApplicationDraftMutation, UpdateApplicationDraftMutationVariables>;
export const SubmitApplicationDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitApplicationDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitApplicationDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitApplicationDraftMutation, SubmitApplicationDraftMutationVariables>;
export const MyApplicationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const ApplicationPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}},{"kind":"Field","name":{"kind":"Name","value":"documentRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationPageQuery, ApplicationPageQueryVariables>;
export const WithdrawApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawApplicationMutation, WithdrawApplicationMutationVariables>;
export const ScreeningDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Screening"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setKey"}},{"kind":"Field","name":{"kind":"Name","value":"setVersion"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"evaluatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"firstRegisteredOn"}},{"kind":"Field","name":{"kind":"Name","value":"publicOffering"}},{"kind":"Field","name":{"kind":"Name","value":"ipAssets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"documentRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"documentRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"awards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"investments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fund"}}]}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuer"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteriaSets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}}]}}]}}]} as unknown as DocumentNode<ScreeningQuery, ScreeningQueryVariables>;
export const UpdateEvidenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEvidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStartupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStartup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateEvidenceMutation, UpdateEvidenceMutationVariables>;
export const DataRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dataRoomGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"investor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataRoomAccessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"investor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"investors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataRoomQuery, DataRoomQueryVariables>;
export const GrantDataRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantDataRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantDataRoomAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantDataRoomAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GrantDataRoomMutation, GrantDataRoomMutationVariables>;
export const RevokeDataRoomDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeDataRoom"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeDataRoomAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeDataRoomAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeDataRoomMutation, RevokeDataRoomMutationVariables>;
export const FundHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Fund"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"callsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"applicationCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundHomeQuery, FundHomeQueryVariables>;
export const CallEditorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallEditor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"editing"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"editing"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMinVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMaxVnd"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"labelLocalized"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vi"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"minLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxLength"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"options"}}]}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"descriptionLocalized"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vi"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expression"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rubric"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overallThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"nameLocalized"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vi"}},{"kind":"Field","name":{"kind":"Name","value":"en"}}]}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"halfPoints"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"startups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"editing"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CallEditorQuery, CallEditorQueryVariables>;
export const CreateCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFundCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCallMutation, CreateCallMutationVariables>;
export const UpdateCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFundCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCallMutation, UpdateCallMutationVariables>;
export const TryEligibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TryEligibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkEligibility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}},{"kind":"Argument","name":{"kind":"Name","value":"startupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<TryEligibilityQuery, TryEligibilityQueryVariables>;
export const ManageCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"normalize"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundCall"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}},{"kind":"Field","name":{"kind":"Name","value":"applicationCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rubric"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ranking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"normalize"},"value":{"kind":"Variable","name":{"kind":"Name","value":"normalize"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"normalized"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"weightedScore"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"cumulativeVnd"}},{"kind":"Field","name":{"kind":"Name","value":"withinBudget"}},{"kind":"Field","name":{"kind":"Name","value":"reviewCount"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageCallQuery, ManageCallQueryVariables>;
export const PublishCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundCallActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishCallMutation, PublishCallMutationVariables>;
export const CloseCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundCallActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CloseCallMutation, CloseCallMutationVariables>;
export const CancelCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundCallActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelCallMutation, CancelCallMutationVariables>;
export const DecideCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundCallActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideCallMutation, DecideCallMutationVariables>;
export const ExtendCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFundCallInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFundCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExtendCallMutation, ExtendCallMutationVariables>;
export const ManageApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rubric"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}},{"kind":"Field","name":{"kind":"Name","value":"documentRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"feedback"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageApplicationQuery, ManageApplicationQueryVariables>;
export const AssignReviewersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignReviewers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignReviewersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignReviewers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"reviewers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AssignReviewersMutation, AssignReviewersMutationVariables>;
export const StartReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startApplicationReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartReviewMutation, StartReviewMutationVariables>;
export const ShortlistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Shortlist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortlistApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ShortlistMutation, ShortlistMutationVariables>;
export const AwardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Award"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AwardMutation, AwardMutationVariables>;
export const RejectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Reject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RejectMutation, RejectMutationVariables>;
export const ManageEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incubator"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"seatsTaken"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"waitlisted"}},{"kind":"Field","name":{"kind":"Name","value":"agendaStatus"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageEventsQuery, ManageEventsQueryVariables>;
export const CreateEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateEventMutation, CreateEventMutationVariables>;
export const ManageEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManageEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"seatsTaken"}},{"kind":"Field","name":{"kind":"Name","value":"waitlisted"}},{"kind":"Field","name":{"kind":"Name","value":"agendaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participantsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"checkedInAt"}},{"kind":"Field","name":{"kind":"Name","value":"waitlistPosition"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"investor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"meetingsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"slot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"start"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkedIn"}},{"kind":"Field","name":{"kind":"Name","value":"ratings"}},{"kind":"Field","name":{"kind":"Name","value":"averageRating"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManageEventQuery, ManageEventQueryVariables>;
export const PublishEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishEventMutation, PublishEventMutationVariables>;
export const CancelEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelEventMutation, CancelEventMutationVariables>;
export const DecideRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideRegistrationMutation, DecideRegistrationMutationVariables>;
export const ScheduleMeetingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleMeetings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleEventMeetingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleEventMeetings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wanted"}},{"kind":"Field","name":{"kind":"Name","value":"placed"}},{"kind":"Field","name":{"kind":"Name","value":"meetings"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleMeetingsMutation, ScheduleMeetingsMutationVariables>;
export const PublishAgendaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishAgenda"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishAgendaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishAgenda"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"agendaStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishAgendaMutation, PublishAgendaMutationVariables>;
export const CancelMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelMeetingMutation, CancelMeetingMutationVariables>;
export const CheckInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"participantsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"CONFIRMED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"checkedInAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CheckInQuery, CheckInQueryVariables>;
export const CheckInParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckInParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkedInAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckInParticipantMutation, CheckInParticipantMutationVariables>;
export const MyIncubatorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyIncubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incubator"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"screening"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"INVESTOR"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Investor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteriaSets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<MyIncubatorQuery, MyIncubatorQueryVariables>;
export const DealFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DealFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DealFlowFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Investor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"dealFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fit"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"snippet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"ward"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incubators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DealFlowQuery, DealFlowQueryVariables>;
export const SaveSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveSearchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedSearch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SaveSearchMutation, SaveSearchMutationVariables>;
export const StartupProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StartupProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"teamSize"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"ward"}},{"kind":"Field","name":{"kind":"Name","value":"foundedOn"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"financials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingNeedVnd"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"amountVnd"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"daysInStage"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Investor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<StartupProfileQuery, StartupProfileQueryVariables>;
export const MoveDealDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveDeal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveDealInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveDeal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"daysInStage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MoveDealMutation, MoveDealMutationVariables>;
export const AddDealNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddDealNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDealNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDealNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AddDealNoteMutation, AddDealNoteMutationVariables>;
export const PipelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Pipeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Investor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"daysInStage"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PipelineQuery, PipelineQueryVariables>;
export const SavedSearchesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SavedSearches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Investor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"savedSearches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"query"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"stages"}},{"kind":"Field","name":{"kind":"Name","value":"incubators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SavedSearchesQuery, SavedSearchesQueryVariables>;
export const DeleteSavedSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSavedSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSavedSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteSavedSearchMutation, DeleteSavedSearchMutationVariables>;
export const PublicCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundCalls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"budgetVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMinVnd"}},{"kind":"Field","name":{"kind":"Name","value":"ticketMaxVnd"}},{"kind":"Field","name":{"kind":"Name","value":"fund"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublicCallsQuery, PublicCallsQueryVariables>;
export const PublicDirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicDirectory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"STARTUP"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Startup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ward"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<PublicDirectoryQuery, PublicDirectoryQueryVariables>;
export const PublicIncubatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicIncubators"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incubatorsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"university"}},{"kind":"Field","name":{"kind":"Name","value":"ward"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"programs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublicIncubatorsQuery, PublicIncubatorsQueryVariables>;
export const PublicEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PUBLISHED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublicEventsQuery, PublicEventsQueryVariables>;
export const SandboxRegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SandboxRegister"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxRegisterConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startupName"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"testStartedOn"}},{"kind":"Field","name":{"kind":"Name","value":"testEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SandboxRegisterQuery, SandboxRegisterQueryVariables>;
export const SandboxQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SandboxQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sandboxApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeBy"}},{"kind":"Field","name":{"kind":"Name","value":"assessBy"}},{"kind":"Field","name":{"kind":"Name","value":"startBy"}},{"kind":"Field","name":{"kind":"Name","value":"nextReportBy"}},{"kind":"Field","name":{"kind":"Name","value":"testEndsOn"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SandboxQueueQuery, SandboxQueueQueryVariables>;
export const SandboxCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SandboxCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"innovation"}},{"kind":"Field","name":{"kind":"Name","value":"consumerBenefit"}},{"kind":"Field","name":{"kind":"Name","value":"readiness"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"risks"}},{"kind":"Field","name":{"kind":"Name","value":"mitigations"}},{"kind":"Field","name":{"kind":"Name","value":"safeguards"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"}},{"kind":"Field","name":{"kind":"Name","value":"exitPlan"}},{"kind":"Field","name":{"kind":"Name","value":"documents"}},{"kind":"Field","name":{"kind":"Name","value":"startOn"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"rejectReasons"}},{"kind":"Field","name":{"kind":"Name","value":"flags"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requested"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"wards"}},{"kind":"Field","name":{"kind":"Name","value":"capPerCustomerVnd"}},{"kind":"Field","name":{"kind":"Name","value":"totalCapVnd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certified"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"wards"}},{"kind":"Field","name":{"kind":"Name","value":"capPerCustomerVnd"}},{"kind":"Field","name":{"kind":"Name","value":"totalCapVnd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deadlines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeBy"}},{"kind":"Field","name":{"kind":"Name","value":"assessBy"}},{"kind":"Field","name":{"kind":"Name","value":"startBy"}},{"kind":"Field","name":{"kind":"Name","value":"nextReportBy"}},{"kind":"Field","name":{"kind":"Name","value":"testEndsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"holidays"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"maxCustomers"}},{"kind":"Field","name":{"kind":"Name","value":"wards"}},{"kind":"Field","name":{"kind":"Name","value":"capPerCustomerVnd"}},{"kind":"Field","name":{"kind":"Name","value":"totalCapVnd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"negative"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"infoRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"customers"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"}},{"kind":"Field","name":{"kind":"Name","value":"volumeVnd"}},{"kind":"Field","name":{"kind":"Name","value":"complaints"}},{"kind":"Field","name":{"kind":"Name","value":"breaches"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"extensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"decided"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SandboxCaseQuery, SandboxCaseQueryVariables>;
export const AcknowledgeSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeSandboxApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AcknowledgeSandboxMutation, AcknowledgeSandboxMutationVariables>;
export const RejectSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectSandboxApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RejectSandboxMutation, RejectSandboxMutationVariables>;
export const SuspendSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendSandboxTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SuspendSandboxMutation, SuspendSandboxMutationVariables>;
export const LiftSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LiftSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liftSandboxSuspension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LiftSandboxMutation, LiftSandboxMutationVariables>;
export const RequestSandboxInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestSandboxInfo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxTextInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestSandboxInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestSandboxInfoMutation, RequestSandboxInfoMutationVariables>;
export const AssessSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssessSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssessSandboxInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessSandboxApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AssessSandboxMutation, AssessSandboxMutationVariables>;
export const ApproveSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveSandboxInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveSandboxApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveSandboxMutation, ApproveSandboxMutationVariables>;
export const ExitSandboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExitSandbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExitSandboxInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exitSandboxTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExitSandboxMutation, ExitSandboxMutationVariables>;
export const DecideSandboxExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideSandboxExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideSandboxExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideSandboxExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DecideSandboxExtensionMutation, DecideSandboxExtensionMutationVariables>;
export const MyReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyReviewsQuery, MyReviewsQueryVariables>;
export const ReviewApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Application"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAmountVnd"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundCall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"questions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rubric"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overallThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"halfPoints"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}},{"kind":"Field","name":{"kind":"Name","value":"documentRef"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewApplicationQuery, ReviewApplicationQueryVariables>;
export const SubmitReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitReviewMutation, SubmitReviewMutationVariables>;
export const DeclareConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclareConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclareConflictOfInterestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declareConflictOfInterest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeclareConflictMutation, DeclareConflictMutationVariables>;
export const EventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PUBLISHED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"seatsTaken"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventsQuery, EventsQueryVariables>;
export const EventPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"seatsTaken"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanRegister"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"Field","name":{"kind":"Name","value":"agendaStatus"}},{"kind":"Field","name":{"kind":"Name","value":"incubator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"waitlistPosition"}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"myMark"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myMeetingRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myAgenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ics"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meeting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"slot"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"with"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventPageQuery, EventPageQueryVariables>;
export const RegisterForEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterForEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterForEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerForEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterForEventMutation, RegisterForEventMutationVariables>;
export const MarkParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"myMark"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkParticipantMutation, MarkParticipantMutationVariables>;
export const RequestMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestMeetingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RequestMeetingMutation, RequestMeetingMutationVariables>;
export const RespondToMeetingRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToMeetingRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToMeetingRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToMeetingRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RespondToMeetingRequestMutation, RespondToMeetingRequestMutationVariables>;
export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"startup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const TechnologyMarketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnologyMarket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SearchFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TECH_OFFER"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trlBands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ipStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cooperation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechOffer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"summaryEn"}},{"kind":"Field","name":{"kind":"Name","value":"trl"}},{"kind":"Field","name":{"kind":"Name","value":"cooperation"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TechnologyMarketQuery, TechnologyMarketQueryVariables>;
export const TechOfferPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechOfferPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TechOffer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"summaryEn"}},{"kind":"Field","name":{"kind":"Name","value":"offerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"trl"}},{"kind":"Field","name":{"kind":"Name","value":"stateFunded"}},{"kind":"Field","name":{"kind":"Name","value":"cooperation"}},{"kind":"Field","name":{"kind":"Name","value":"terms"}},{"kind":"Field","name":{"kind":"Name","value":"inventors"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"ip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"website"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanManage"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"myConversation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"nda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"firm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"detailReads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferNda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Startup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TechOfferPageQuery, TechOfferPageQueryVariables>;
export const ExpressInterestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExpressInterest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExpressInterestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expressInterest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ExpressInterestMutation, ExpressInterestMutationVariables>;
export const SignNdaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignNda"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignNdaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signNda"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignNdaMutation, SignNdaMutationVariables>;
export const RespondToInterestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToInterest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInterestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToInterest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RespondToInterestMutation, RespondToInterestMutationVariables>;
export const OurOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OurOffers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ResearchOrganization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"offerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"trl"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferConversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"registrationReminders"}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrationRequired"}},{"kind":"Field","name":{"kind":"Name","value":"registrationNumber"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OurOffersQuery, OurOffersQueryVariables>;
export const CheckExpressionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckExpression"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExpressionLanguage"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expression"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkExpression"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}},{"kind":"Argument","name":{"kind":"Name","value":"expression"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expression"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckExpressionQuery, CheckExpressionQueryVariables>;