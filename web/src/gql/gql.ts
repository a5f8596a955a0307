/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FounderHome($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year } }\n      evidence { legalForm ipAssets { kind } certificates { kind } }\n      calls: matches(kind: FUND_CALL, first: 5) { ...MatchFields }\n      investors: matches(kind: INVESTOR, first: 5) { ...MatchFields }\n      mentors: matches(kind: MENTOR, first: 5) { ...MatchFields }\n      programs: matches(kind: INCUBATOR, first: 5) { ...MatchFields }\n      applications(first: 1) { totalCount }\n    }\n    sectors { sector label }\n  }\n": typeof types.FounderHomeDocument,
    "\n  mutation DismissMatch($id: ID!) {\n    dismissMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n": typeof types.DismissMatchDocument,
    "\n  mutation BookmarkMatch($id: ID!) {\n    bookmarkMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n": typeof types.BookmarkMatchDocument,
    "\n  query OpenCalls {\n    fundCalls(status: OPEN, first: 50) {\n      edges { node { id title description status closesAt budgetVnd ticketMinVnd ticketMaxVnd fund { id name } } }\n    }\n  }\n": typeof types.OpenCallsDocument,
    "\n  query CallPage($callId: ID!, $startupId: ID!, $founder: Boolean!) {\n    node(id: $callId) {\n      ... on FundCall {\n        id title description status opensAt closesAt budgetVnd ticketMinVnd ticketMaxVnd viewerCanApply\n        fund { id name }\n        questions { key label kind required minLength maxLength min max options }\n        eligibilityRules { key description }\n      }\n    }\n    checkEligibility(callId: $callId, startupId: $startupId) @include(if: $founder) {\n      eligible\n      outcomes { key passed reason }\n    }\n    startup(id: $startupId) @include(if: $founder) {\n      id\n      applications(first: 100) {\n        edges { node { id status version requestedAmountVnd fundCall { id } answers { questionKey text number choices documentRef } } }\n      }\n    }\n  }\n": typeof types.CallPageDocument,
    "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": typeof types.CreateApplicationDocument,
    "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": typeof types.SubmitApplicationDocument,
    "\n  mutation UpdateApplicationDraft($input: UpdateApplicationDraftInput!) {\n    updateApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": typeof types.UpdateApplicationDraftDocument,
    "\n  mutation SubmitApplicationDraft($input: ApplicationActionInput!) {\n    submitApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": typeof types.SubmitApplicationDraftDocument,
    "\n  query MyApplications {\n    viewer {\n      applications(first: 100) {\n        totalCount\n        edges { node { id status requestedAmountVnd submittedAt fundCall { id title closesAt } history { at to } } }\n      }\n    }\n  }\n": typeof types.MyApplicationsDocument,
    "\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id status version requestedAmountVnd submittedAt\n      fundCall { id title questions { key label } }\n      startup { id name }\n      answers { questionKey text number choices documentRef }\n      history { at from to reason actor { name } }\n      feedback { criterion score comment passed }\n    }\n  }\n": typeof types.ApplicationPageDocument,
    "\n  mutation WithdrawApplication($input: ApplicationActionInput!) {\n    withdrawApplication(input: $input) { application { id status version history { at from to reason actor { name } } } userErrors { field code message } }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  query Screening($id: ID!) {\n    startup(id: $id) {\n      id version\n      screening { setKey setVersion status evaluatedAt criteria { key passed reason missing } }\n      evidence {\n        legalForm firstRegisteredOn publicOffering\n        ipAssets { kind number grantedOn expiresOn documentRef }\n        certificates { kind issuedOn expiresOn documentRef }\n        awards { name }\n        investments { fund }\n        confirmations { issuer }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title legalBasis }\n  }\n": typeof types.ScreeningDocument,
    "\n  mutation UpdateEvidence($input: UpdateStartupInput!) {\n    updateStartup(input: $input) { startup { id version } userErrors { field code message } }\n  }\n": typeof types.UpdateEvidenceDocument,
    "\n  query DataRoom($id: ID!) {\n    startup(id: $id) {\n      id\n      dataRoomGrants { investor { id name } grantor { name } grantedAt expiresAt revokedAt active }\n      dataRoomAccessLog(first: 50) { totalCount edges { node { investor { name } subject field at } } }\n    }\n    investors(first: 100) { edges { node { id name } } }\n  }\n": typeof types.DataRoomDocument,
    "\n  mutation GrantDataRoom($input: GrantDataRoomAccessInput!) {\n    grantDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n": typeof types.GrantDataRoomDocument,
    "\n  mutation RevokeDataRoom($input: RevokeDataRoomAccessInput!) {\n    revokeDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n": typeof types.RevokeDataRoomDocument,
    "\n  query ManageEvents {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          events(first: 100) { totalCount edges { node { id title kind status start seatsTaken capacity waitlisted agendaStatus } } }\n        }\n      }\n    }\n  }\n": typeof types.ManageEventsDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { event { id } userErrors { field code message } }\n  }\n": typeof types.CreateEventDocument,
    "\n  query ManageEvent($id: ID!) {\n    event(id: $id) {\n      id title kind status start end venue capacity seatsTaken waitlisted agendaStatus version viewerCanManage\n      slots { index start end }\n      tables { name }\n      participantsConnection(first: 100) {\n        totalCount\n        edges { node { id name organization type status checkedInAt waitlistPosition startup { id } investor { id } } }\n      }\n      meetingsConnection(first: 100) {\n        totalCount\n        edges { node { id table outcome slot { index start } participants { id name } } }\n      }\n      report { checkedIn ratings averageRating followUps registrations { type status count } }\n    }\n  }\n": typeof types.ManageEventDocument,
    "\n  mutation PublishEvent($id: ID!) { publishEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n": typeof types.PublishEventDocument,
    "\n  mutation CancelEvent($id: ID!) { cancelEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n": typeof types.CancelEventDocument,
    "\n  mutation DecideRegistration($input: DecideRegistrationInput!) {\n    decideRegistration(input: $input) { participant { id status } userErrors { field code message } }\n  }\n": typeof types.DecideRegistrationDocument,
    "\n  mutation ScheduleMeetings($input: ScheduleEventMeetingsInput!) {\n    scheduleEventMeetings(input: $input) { result { wanted placed meetings } userErrors { field code message } }\n  }\n": typeof types.ScheduleMeetingsDocument,
    "\n  mutation PublishAgenda($input: PublishAgendaInput!) {\n    publishAgenda(input: $input) { event { id agendaStatus } userErrors { field code message } }\n  }\n": typeof types.PublishAgendaDocument,
    "\n  mutation CancelMeeting($id: ID!) { cancelMeeting(input: { id: $id }) { meeting { id outcome } userErrors { field code message } } }\n": typeof types.CancelMeetingDocument,
    "\n  query CheckIn($id: ID!) {\n    event(id: $id) {\n      id title start\n      participantsConnection(status: CONFIRMED, first: 100) { totalCount edges { node { id name organization checkedInAt } } }\n    }\n  }\n": typeof types.CheckInDocument,
    "\n  mutation CheckInParticipant($input: ParticipantInput!) {\n    checkIn(input: $input) { participant { id checkedInAt } userErrors { field code message } }\n  }\n": typeof types.CheckInParticipantDocument,
    "\n  query MyIncubator {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          startups(first: 100) {\n            totalCount\n            edges {\n              node {\n                id name stage\n                screening { setKey status }\n                matches(kind: INVESTOR, first: 3) { id score target { __typename ... on Investor { id name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title }\n  }\n": typeof types.MyIncubatorDocument,
    "\n  query DealFlow($filter: DealFlowFilter, $first: Int!) {\n    viewer {\n      organization {\n        __typename\n        ... on Investor {\n          id name\n          dealFlow(first: $first, filter: $filter) {\n            totalCount\n            edges {\n              fit\n              highlights { field snippet }\n              deal { id stage }\n              node { id name description stage sectors ward incubator { id name } }\n            }\n            facets {\n              sectors { value label count }\n              stages { value label count }\n              incubators { value label count }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DealFlowDocument,
    "\n  mutation SaveSearch($input: SaveSearchInput!) {\n    saveSearch(input: $input) { savedSearch { id name } userErrors { field code message } }\n  }\n": typeof types.SaveSearchDocument,
    "\n  query StartupProfile($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year amountVnd } }\n    }\n    viewer {\n      deals(first: 100) {\n        edges { node { id stage daysInStage startup { id } notes { text at actor { name } } history { stage at } } }\n      }\n      organization { __typename ... on Investor { id } }\n    }\n    sectors { sector label }\n  }\n": typeof types.StartupProfileDocument,
    "\n  mutation MoveDeal($input: MoveDealInput!) {\n    moveDeal(input: $input) { deal { id stage daysInStage } userErrors { field code message } }\n  }\n": typeof types.MoveDealDocument,
    "\n  mutation AddDealNote($input: AddDealNoteInput!) {\n    addDealNote(input: $input) { deal { id } userErrors { field code message } }\n  }\n": typeof types.AddDealNoteDocument,
    "\n  query Pipeline {\n    viewer {\n      organization { __typename ... on Investor { id } }\n      deals(first: 100) { totalCount edges { node { id stage daysInStage startup { id name stage } } } }\n    }\n  }\n": typeof types.PipelineDocument,
    "\n  query SavedSearches {\n    viewer {\n      organization {\n        __typename\n        ... on Investor { id savedSearches { id name query sectors stages incubators { id name } createdAt } }\n      }\n    }\n  }\n": typeof types.SavedSearchesDocument,
    "\n  mutation DeleteSavedSearch($id: ID!) {\n    deleteSavedSearch(input: { id: $id }) { deletedId userErrors { field code message } }\n  }\n": typeof types.DeleteSavedSearchDocument,
    "\n  query Events {\n    events(status: [PUBLISHED], first: 100) {\n      edges { node { id title kind start end venue seatsTaken capacity incubator { id name } myRegistration { id status } } }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id title kind description start end venue seatsTaken capacity status viewerCanRegister viewerCanManage agendaStatus\n      incubator { id name }\n      myRegistration {\n        id status type waitlistPosition\n        recommendations(first: 8) {\n          score\n          explanation { factor contribution detail }\n          participant { id name organization type myMark startup { id } }\n        }\n      }\n      myMeetingRequests {\n        id status message sentAt\n        from { id name organization }\n        to { id name organization }\n      }\n      myAgenda {\n        status ics\n        items { meeting { id table slot { start end } } with { id name organization } }\n      }\n    }\n  }\n": typeof types.EventPageDocument,
    "\n  mutation RegisterForEvent($input: RegisterForEventInput!) {\n    registerForEvent(input: $input) { participant { id status } userErrors { field code message } }\n  }\n": typeof types.RegisterForEventDocument,
    "\n  mutation MarkParticipant($input: MarkParticipantInput!) {\n    markParticipant(input: $input) { participant { id myMark } userErrors { field code message } }\n  }\n": typeof types.MarkParticipantDocument,
    "\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) { request { id status } userErrors { field code message } }\n  }\n": typeof types.RequestMeetingDocument,
    "\n  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {\n    respondToMeetingRequest(input: $input) { request { id status } userErrors { field code message } }\n  }\n": typeof types.RespondToMeetingRequestDocument,
    "\n  query Notifications {\n    viewer {\n      notifications(first: 50) { totalCount edges { node { id kind message createdAt readAt startup { id name } } } }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(input: { id: $id }) { notification { id readAt } userErrors { field code message } } }\n": typeof types.MarkNotificationReadDocument,
    "\n  fragment MatchFields on Match {\n    id\n    score\n    program\n    explanation { factor weight value contribution detail }\n    target {\n      __typename\n      ... on Startup { id name }\n      ... on FundCall { id title }\n      ... on Investor { id name }\n      ... on Mentor { id name }\n      ... on Incubator { id name }\n    }\n  }\n": typeof types.MatchFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query FounderHome($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year } }\n      evidence { legalForm ipAssets { kind } certificates { kind } }\n      calls: matches(kind: FUND_CALL, first: 5) { ...MatchFields }\n      investors: matches(kind: INVESTOR, first: 5) { ...MatchFields }\n      mentors: matches(kind: MENTOR, first: 5) { ...MatchFields }\n      programs: matches(kind: INCUBATOR, first: 5) { ...MatchFields }\n      applications(first: 1) { totalCount }\n    }\n    sectors { sector label }\n  }\n": types.FounderHomeDocument,
    "\n  mutation DismissMatch($id: ID!) {\n    dismissMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n": types.DismissMatchDocument,
    "\n  mutation BookmarkMatch($id: ID!) {\n    bookmarkMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n": types.BookmarkMatchDocument,
    "\n  query OpenCalls {\n    fundCalls(status: OPEN, first: 50) {\n      edges { node { id title description status closesAt budgetVnd ticketMinVnd ticketMaxVnd fund { id name } } }\n    }\n  }\n": types.OpenCallsDocument,
    "\n  query CallPage($callId: ID!, $startupId: ID!, $founder: Boolean!) {\n    node(id: $callId) {\n      ... on FundCall {\n        id title description status opensAt closesAt budgetVnd ticketMinVnd ticketMaxVnd viewerCanApply\n        fund { id name }\n        questions { key label kind required minLength maxLength min max options }\n        eligibilityRules { key description }\n      }\n    }\n    checkEligibility(callId: $callId, startupId: $startupId) @include(if: $founder) {\n      eligible\n      outcomes { key passed reason }\n    }\n    startup(id: $startupId) @include(if: $founder) {\n      id\n      applications(first: 100) {\n        edges { node { id status version requestedAmountVnd fundCall { id } answers { questionKey text number choices documentRef } } }\n      }\n    }\n  }\n": types.CallPageDocument,
    "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": types.CreateApplicationDocument,
    "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": types.SubmitApplicationDocument,
    "\n  mutation UpdateApplicationDraft($input: UpdateApplicationDraftInput!) {\n    updateApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": types.UpdateApplicationDraftDocument,
    "\n  mutation SubmitApplicationDraft($input: ApplicationActionInput!) {\n    submitApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n": types.SubmitApplicationDraftDocument,
    "\n  query MyApplications {\n    viewer {\n      applications(first: 100) {\n        totalCount\n        edges { node { id status requestedAmountVnd submittedAt fundCall { id title closesAt } history { at to } } }\n      }\n    }\n  }\n": types.MyApplicationsDocument,
    "\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id status version requestedAmountVnd submittedAt\n      fundCall { id title questions { key label } }\n      startup { id name }\n      answers { questionKey text number choices documentRef }\n      history { at from to reason actor { name } }\n      feedback { criterion score comment passed }\n    }\n  }\n": types.ApplicationPageDocument,
    "\n  mutation WithdrawApplication($input: ApplicationActionInput!) {\n    withdrawApplication(input: $input) { application { id status version history { at from to reason actor { name } } } userErrors { field code message } }\n  }\n": types.WithdrawApplicationDocument,
    "\n  query Screening($id: ID!) {\n    startup(id: $id) {\n      id version\n      screening { setKey setVersion status evaluatedAt criteria { key passed reason missing } }\n      evidence {\n        legalForm firstRegisteredOn publicOffering\n        ipAssets { kind number grantedOn expiresOn documentRef }\n        certificates { kind issuedOn expiresOn documentRef }\n        awards { name }\n        investments { fund }\n        confirmations { issuer }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title legalBasis }\n  }\n": types.ScreeningDocument,
    "\n  mutation UpdateEvidence($input: UpdateStartupInput!) {\n    updateStartup(input: $input) { startup { id version } userErrors { field code message } }\n  }\n": types.UpdateEvidenceDocument,
    "\n  query DataRoom($id: ID!) {\n    startup(id: $id) {\n      id\n      dataRoomGrants { investor { id name } grantor { name } grantedAt expiresAt revokedAt active }\n      dataRoomAccessLog(first: 50) { totalCount edges { node { investor { name } subject field at } } }\n    }\n    investors(first: 100) { edges { node { id name } } }\n  }\n": types.DataRoomDocument,
    "\n  mutation GrantDataRoom($input: GrantDataRoomAccessInput!) {\n    grantDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n": types.GrantDataRoomDocument,
    "\n  mutation RevokeDataRoom($input: RevokeDataRoomAccessInput!) {\n    revokeDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n": types.RevokeDataRoomDocument,
    "\n  query ManageEvents {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          events(first: 100) { totalCount edges { node { id title kind status start seatsTaken capacity waitlisted agendaStatus } } }\n        }\n      }\n    }\n  }\n": types.ManageEventsDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { event { id } userErrors { field code message } }\n  }\n": types.CreateEventDocument,
    "\n  query ManageEvent($id: ID!) {\n    event(id: $id) {\n      id title kind status start end venue capacity seatsTaken waitlisted agendaStatus version viewerCanManage\n      slots { index start end }\n      tables { name }\n      participantsConnection(first: 100) {\n        totalCount\n        edges { node { id name organization type status checkedInAt waitlistPosition startup { id } investor { id } } }\n      }\n      meetingsConnection(first: 100) {\n        totalCount\n        edges { node { id table outcome slot { index start } participants { id name } } }\n      }\n      report { checkedIn ratings averageRating followUps registrations { type status count } }\n    }\n  }\n": types.ManageEventDocument,
    "\n  mutation PublishEvent($id: ID!) { publishEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n": types.PublishEventDocument,
    "\n  mutation CancelEvent($id: ID!) { cancelEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n": types.CancelEventDocument,
    "\n  mutation DecideRegistration($input: DecideRegistrationInput!) {\n    decideRegistration(input: $input) { participant { id status } userErrors { field code message } }\n  }\n": types.DecideRegistrationDocument,
    "\n  mutation ScheduleMeetings($input: ScheduleEventMeetingsInput!) {\n    scheduleEventMeetings(input: $input) { result { wanted placed meetings } userErrors { field code message } }\n  }\n": types.ScheduleMeetingsDocument,
    "\n  mutation PublishAgenda($input: PublishAgendaInput!) {\n    publishAgenda(input: $input) { event { id agendaStatus } userErrors { field code message } }\n  }\n": types.PublishAgendaDocument,
    "\n  mutation CancelMeeting($id: ID!) { cancelMeeting(input: { id: $id }) { meeting { id outcome } userErrors { field code message } } }\n": types.CancelMeetingDocument,
    "\n  query CheckIn($id: ID!) {\n    event(id: $id) {\n      id title start\n      participantsConnection(status: CONFIRMED, first: 100) { totalCount edges { node { id name organization checkedInAt } } }\n    }\n  }\n": types.CheckInDocument,
    "\n  mutation CheckInParticipant($input: ParticipantInput!) {\n    checkIn(input: $input) { participant { id checkedInAt } userErrors { field code message } }\n  }\n": types.CheckInParticipantDocument,
    "\n  query MyIncubator {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          startups(first: 100) {\n            totalCount\n            edges {\n              node {\n                id name stage\n                screening { setKey status }\n                matches(kind: INVESTOR, first: 3) { id score target { __typename ... on Investor { id name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title }\n  }\n": types.MyIncubatorDocument,
    "\n  query DealFlow($filter: DealFlowFilter, $first: Int!) {\n    viewer {\n      organization {\n        __typename\n        ... on Investor {\n          id name\n          dealFlow(first: $first, filter: $filter) {\n            totalCount\n            edges {\n              fit\n              highlights { field snippet }\n              deal { id stage }\n              node { id name description stage sectors ward incubator { id name } }\n            }\n            facets {\n              sectors { value label count }\n              stages { value label count }\n              incubators { value label count }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DealFlowDocument,
    "\n  mutation SaveSearch($input: SaveSearchInput!) {\n    saveSearch(input: $input) { savedSearch { id name } userErrors { field code message } }\n  }\n": types.SaveSearchDocument,
    "\n  query StartupProfile($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year amountVnd } }\n    }\n    viewer {\n      deals(first: 100) {\n        edges { node { id stage daysInStage startup { id } notes { text at actor { name } } history { stage at } } }\n      }\n      organization { __typename ... on Investor { id } }\n    }\n    sectors { sector label }\n  }\n": types.StartupProfileDocument,
    "\n  mutation MoveDeal($input: MoveDealInput!) {\n    moveDeal(input: $input) { deal { id stage daysInStage } userErrors { field code message } }\n  }\n": types.MoveDealDocument,
    "\n  mutation AddDealNote($input: AddDealNoteInput!) {\n    addDealNote(input: $input) { deal { id } userErrors { field code message } }\n  }\n": types.AddDealNoteDocument,
    "\n  query Pipeline {\n    viewer {\n      organization { __typename ... on Investor { id } }\n      deals(first: 100) { totalCount edges { node { id stage daysInStage startup { id name stage } } } }\n    }\n  }\n": types.PipelineDocument,
    "\n  query SavedSearches {\n    viewer {\n      organization {\n        __typename\n        ... on Investor { id savedSearches { id name query sectors stages incubators { id name } createdAt } }\n      }\n    }\n  }\n": types.SavedSearchesDocument,
    "\n  mutation DeleteSavedSearch($id: ID!) {\n    deleteSavedSearch(input: { id: $id }) { deletedId userErrors { field code message } }\n  }\n": types.DeleteSavedSearchDocument,
    "\n  query Events {\n    events(status: [PUBLISHED], first: 100) {\n      edges { node { id title kind start end venue seatsTaken capacity incubator { id name } myRegistration { id status } } }\n    }\n  }\n": types.EventsDocument,
    "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id title kind description start end venue seatsTaken capacity status viewerCanRegister viewerCanManage agendaStatus\n      incubator { id name }\n      myRegistration {\n        id status type waitlistPosition\n        recommendations(first: 8) {\n          score\n          explanation { factor contribution detail }\n          participant { id name organization type myMark startup { id } }\n        }\n      }\n      myMeetingRequests {\n        id status message sentAt\n        from { id name organization }\n        to { id name organization }\n      }\n      myAgenda {\n        status ics\n        items { meeting { id table slot { start end } } with { id name organization } }\n      }\n    }\n  }\n": types.EventPageDocument,
    "\n  mutation RegisterForEvent($input: RegisterForEventInput!) {\n    registerForEvent(input: $input) { participant { id status } userErrors { field code message } }\n  }\n": types.RegisterForEventDocument,
    "\n  mutation MarkParticipant($input: MarkParticipantInput!) {\n    markParticipant(input: $input) { participant { id myMark } userErrors { field code message } }\n  }\n": types.MarkParticipantDocument,
    "\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) { request { id status } userErrors { field code message } }\n  }\n": types.RequestMeetingDocument,
    "\n  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {\n    respondToMeetingRequest(input: $input) { request { id status } userErrors { field code message } }\n  }\n": types.RespondToMeetingRequestDocument,
    "\n  query Notifications {\n    viewer {\n      notifications(first: 50) { totalCount edges { node { id kind message createdAt readAt startup { id name } } } }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(input: { id: $id }) { notification { id readAt } userErrors { field code message } } }\n": types.MarkNotificationReadDocument,
    "\n  fragment MatchFields on Match {\n    id\n    score\n    program\n    explanation { factor weight value contribution detail }\n    target {\n      __typename\n      ... on Startup { id name }\n      ... on FundCall { id title }\n      ... on Investor { id name }\n      ... on Mentor { id name }\n      ... on Incubator { id name }\n    }\n  }\n": types.MatchFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FounderHome($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year } }\n      evidence { legalForm ipAssets { kind } certificates { kind } }\n      calls: matches(kind: FUND_CALL, first: 5) { ...MatchFields }\n      investors: matches(kind: INVESTOR, first: 5) { ...MatchFields }\n      mentors: matches(kind: MENTOR, first: 5) { ...MatchFields }\n      programs: matches(kind: INCUBATOR, first: 5) { ...MatchFields }\n      applications(first: 1) { totalCount }\n    }\n    sectors { sector label }\n  }\n"): (typeof documents)["\n  query FounderHome($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year } }\n      evidence { legalForm ipAssets { kind } certificates { kind } }\n      calls: matches(kind: FUND_CALL, first: 5) { ...MatchFields }\n      investors: matches(kind: INVESTOR, first: 5) { ...MatchFields }\n      mentors: matches(kind: MENTOR, first: 5) { ...MatchFields }\n      programs: matches(kind: INCUBATOR, first: 5) { ...MatchFields }\n      applications(first: 1) { totalCount }\n    }\n    sectors { sector label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissMatch($id: ID!) {\n    dismissMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation DismissMatch($id: ID!) {\n    dismissMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookmarkMatch($id: ID!) {\n    bookmarkMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation BookmarkMatch($id: ID!) {\n    bookmarkMatch(input: { id: $id }) { userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenCalls {\n    fundCalls(status: OPEN, first: 50) {\n      edges { node { id title description status closesAt budgetVnd ticketMinVnd ticketMaxVnd fund { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query OpenCalls {\n    fundCalls(status: OPEN, first: 50) {\n      edges { node { id title description status closesAt budgetVnd ticketMinVnd ticketMaxVnd fund { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallPage($callId: ID!, $startupId: ID!, $founder: Boolean!) {\n    node(id: $callId) {\n      ... on FundCall {\n        id title description status opensAt closesAt budgetVnd ticketMinVnd ticketMaxVnd viewerCanApply\n        fund { id name }\n        questions { key label kind required minLength maxLength min max options }\n        eligibilityRules { key description }\n      }\n    }\n    checkEligibility(callId: $callId, startupId: $startupId) @include(if: $founder) {\n      eligible\n      outcomes { key passed reason }\n    }\n    startup(id: $startupId) @include(if: $founder) {\n      id\n      applications(first: 100) {\n        edges { node { id status version requestedAmountVnd fundCall { id } answers { questionKey text number choices documentRef } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallPage($callId: ID!, $startupId: ID!, $founder: Boolean!) {\n    node(id: $callId) {\n      ... on FundCall {\n        id title description status opensAt closesAt budgetVnd ticketMinVnd ticketMaxVnd viewerCanApply\n        fund { id name }\n        questions { key label kind required minLength maxLength min max options }\n        eligibilityRules { key description }\n      }\n    }\n    checkEligibility(callId: $callId, startupId: $startupId) @include(if: $founder) {\n      eligible\n      outcomes { key passed reason }\n    }\n    startup(id: $startupId) @include(if: $founder) {\n      id\n      applications(first: 100) {\n        edges { node { id status version requestedAmountVnd fundCall { id } answers { questionKey text number choices documentRef } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation CreateApplication($input: CreateApplicationInput!) {\n    createApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation SubmitApplication($input: SubmitApplicationInput!) {\n    submitApplication(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApplicationDraft($input: UpdateApplicationDraftInput!) {\n    updateApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation UpdateApplicationDraft($input: UpdateApplicationDraftInput!) {\n    updateApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplicationDraft($input: ApplicationActionInput!) {\n    submitApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation SubmitApplicationDraft($input: ApplicationActionInput!) {\n    submitApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApplications {\n    viewer {\n      applications(first: 100) {\n        totalCount\n        edges { node { id status requestedAmountVnd submittedAt fundCall { id title closesAt } history { at to } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyApplications {\n    viewer {\n      applications(first: 100) {\n        totalCount\n        edges { node { id status requestedAmountVnd submittedAt fundCall { id title closesAt } history { at to } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id status version requestedAmountVnd submittedAt\n      fundCall { id title questions { key label } }\n      startup { id name }\n      answers { questionKey text number choices documentRef }\n      history { at from to reason actor { name } }\n      feedback { criterion score comment passed }\n    }\n  }\n"): (typeof documents)["\n  query ApplicationPage($id: ID!) {\n    application(id: $id) {\n      id status version requestedAmountVnd submittedAt\n      fundCall { id title questions { key label } }\n      startup { id name }\n      answers { questionKey text number choices documentRef }\n      history { at from to reason actor { name } }\n      feedback { criterion score comment passed }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($input: ApplicationActionInput!) {\n    withdrawApplication(input: $input) { application { id status version history { at from to reason actor { name } } } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation WithdrawApplication($input: ApplicationActionInput!) {\n    withdrawApplication(input: $input) { application { id status version history { at from to reason actor { name } } } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Screening($id: ID!) {\n    startup(id: $id) {\n      id version\n      screening { setKey setVersion status evaluatedAt criteria { key passed reason missing } }\n      evidence {\n        legalForm firstRegisteredOn publicOffering\n        ipAssets { kind number grantedOn expiresOn documentRef }\n        certificates { kind issuedOn expiresOn documentRef }\n        awards { name }\n        investments { fund }\n        confirmations { issuer }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title legalBasis }\n  }\n"): (typeof documents)["\n  query Screening($id: ID!) {\n    startup(id: $id) {\n      id version\n      screening { setKey setVersion status evaluatedAt criteria { key passed reason missing } }\n      evidence {\n        legalForm firstRegisteredOn publicOffering\n        ipAssets { kind number grantedOn expiresOn documentRef }\n        certificates { kind issuedOn expiresOn documentRef }\n        awards { name }\n        investments { fund }\n        confirmations { issuer }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title legalBasis }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvidence($input: UpdateStartupInput!) {\n    updateStartup(input: $input) { startup { id version } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation UpdateEvidence($input: UpdateStartupInput!) {\n    updateStartup(input: $input) { startup { id version } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataRoom($id: ID!) {\n    startup(id: $id) {\n      id\n      dataRoomGrants { investor { id name } grantor { name } grantedAt expiresAt revokedAt active }\n      dataRoomAccessLog(first: 50) { totalCount edges { node { investor { name } subject field at } } }\n    }\n    investors(first: 100) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query DataRoom($id: ID!) {\n    startup(id: $id) {\n      id\n      dataRoomGrants { investor { id name } grantor { name } grantedAt expiresAt revokedAt active }\n      dataRoomAccessLog(first: 50) { totalCount edges { node { investor { name } subject field at } } }\n    }\n    investors(first: 100) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantDataRoom($input: GrantDataRoomAccessInput!) {\n    grantDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation GrantDataRoom($input: GrantDataRoomAccessInput!) {\n    grantDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeDataRoom($input: RevokeDataRoomAccessInput!) {\n    revokeDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation RevokeDataRoom($input: RevokeDataRoomAccessInput!) {\n    revokeDataRoomAccess(input: $input) { userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManageEvents {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          events(first: 100) { totalCount edges { node { id title kind status start seatsTaken capacity waitlisted agendaStatus } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ManageEvents {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          events(first: 100) { totalCount edges { node { id title kind status start seatsTaken capacity waitlisted agendaStatus } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { event { id } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) { event { id } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManageEvent($id: ID!) {\n    event(id: $id) {\n      id title kind status start end venue capacity seatsTaken waitlisted agendaStatus version viewerCanManage\n      slots { index start end }\n      tables { name }\n      participantsConnection(first: 100) {\n        totalCount\n        edges { node { id name organization type status checkedInAt waitlistPosition startup { id } investor { id } } }\n      }\n      meetingsConnection(first: 100) {\n        totalCount\n        edges { node { id table outcome slot { index start } participants { id name } } }\n      }\n      report { checkedIn ratings averageRating followUps registrations { type status count } }\n    }\n  }\n"): (typeof documents)["\n  query ManageEvent($id: ID!) {\n    event(id: $id) {\n      id title kind status start end venue capacity seatsTaken waitlisted agendaStatus version viewerCanManage\n      slots { index start end }\n      tables { name }\n      participantsConnection(first: 100) {\n        totalCount\n        edges { node { id name organization type status checkedInAt waitlistPosition startup { id } investor { id } } }\n      }\n      meetingsConnection(first: 100) {\n        totalCount\n        edges { node { id table outcome slot { index start } participants { id name } } }\n      }\n      report { checkedIn ratings averageRating followUps registrations { type status count } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishEvent($id: ID!) { publishEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n"): (typeof documents)["\n  mutation PublishEvent($id: ID!) { publishEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEvent($id: ID!) { cancelEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n"): (typeof documents)["\n  mutation CancelEvent($id: ID!) { cancelEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideRegistration($input: DecideRegistrationInput!) {\n    decideRegistration(input: $input) { participant { id status } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation DecideRegistration($input: DecideRegistrationInput!) {\n    decideRegistration(input: $input) { participant { id status } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMeetings($input: ScheduleEventMeetingsInput!) {\n    scheduleEventMeetings(input: $input) { result { wanted placed meetings } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation ScheduleMeetings($input: ScheduleEventMeetingsInput!) {\n    scheduleEventMeetings(input: $input) { result { wanted placed meetings } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAgenda($input: PublishAgendaInput!) {\n    publishAgenda(input: $input) { event { id agendaStatus } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation PublishAgenda($input: PublishAgendaInput!) {\n    publishAgenda(input: $input) { event { id agendaStatus } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMeeting($id: ID!) { cancelMeeting(input: { id: $id }) { meeting { id outcome } userErrors { field code message } } }\n"): (typeof documents)["\n  mutation CancelMeeting($id: ID!) { cancelMeeting(input: { id: $id }) { meeting { id outcome } userErrors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckIn($id: ID!) {\n    event(id: $id) {\n      id title start\n      participantsConnection(status: CONFIRMED, first: 100) { totalCount edges { node { id name organization checkedInAt } } }\n    }\n  }\n"): (typeof documents)["\n  query CheckIn($id: ID!) {\n    event(id: $id) {\n      id title start\n      participantsConnection(status: CONFIRMED, first: 100) { totalCount edges { node { id name organization checkedInAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckInParticipant($input: ParticipantInput!) {\n    checkIn(input: $input) { participant { id checkedInAt } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation CheckInParticipant($input: ParticipantInput!) {\n    checkIn(input: $input) { participant { id checkedInAt } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyIncubator {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          startups(first: 100) {\n            totalCount\n            edges {\n              node {\n                id name stage\n                screening { setKey status }\n                matches(kind: INVESTOR, first: 3) { id score target { __typename ... on Investor { id name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title }\n  }\n"): (typeof documents)["\n  query MyIncubator {\n    viewer {\n      organization {\n        __typename\n        ... on Incubator {\n          id name\n          startups(first: 100) {\n            totalCount\n            edges {\n              node {\n                id name stage\n                screening { setKey status }\n                matches(kind: INVESTOR, first: 3) { id score target { __typename ... on Investor { id name } } }\n              }\n            }\n          }\n        }\n      }\n    }\n    criteriaSets(status: ACTIVE) { key title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealFlow($filter: DealFlowFilter, $first: Int!) {\n    viewer {\n      organization {\n        __typename\n        ... on Investor {\n          id name\n          dealFlow(first: $first, filter: $filter) {\n            totalCount\n            edges {\n              fit\n              highlights { field snippet }\n              deal { id stage }\n              node { id name description stage sectors ward incubator { id name } }\n            }\n            facets {\n              sectors { value label count }\n              stages { value label count }\n              incubators { value label count }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DealFlow($filter: DealFlowFilter, $first: Int!) {\n    viewer {\n      organization {\n        __typename\n        ... on Investor {\n          id name\n          dealFlow(first: $first, filter: $filter) {\n            totalCount\n            edges {\n              fit\n              highlights { field snippet }\n              deal { id stage }\n              node { id name description stage sectors ward incubator { id name } }\n            }\n            facets {\n              sectors { value label count }\n              stages { value label count }\n              incubators { value label count }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSearch($input: SaveSearchInput!) {\n    saveSearch(input: $input) { savedSearch { id name } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation SaveSearch($input: SaveSearchInput!) {\n    saveSearch(input: $input) { savedSearch { id name } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartupProfile($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year amountVnd } }\n    }\n    viewer {\n      deals(first: 100) {\n        edges { node { id stage daysInStage startup { id } notes { text at actor { name } } history { stage at } } }\n      }\n      organization { __typename ... on Investor { id } }\n    }\n    sectors { sector label }\n  }\n"): (typeof documents)["\n  query StartupProfile($id: ID!) {\n    startup(id: $id) {\n      id name nameEn description website teamSize stage ward foundedOn sectors\n      incubator { id name }\n      contact { email phone }\n      financials { fundingNeedVnd revenue { year amountVnd } }\n    }\n    viewer {\n      deals(first: 100) {\n        edges { node { id stage daysInStage startup { id } notes { text at actor { name } } history { stage at } } }\n      }\n      organization { __typename ... on Investor { id } }\n    }\n    sectors { sector label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveDeal($input: MoveDealInput!) {\n    moveDeal(input: $input) { deal { id stage daysInStage } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation MoveDeal($input: MoveDealInput!) {\n    moveDeal(input: $input) { deal { id stage daysInStage } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDealNote($input: AddDealNoteInput!) {\n    addDealNote(input: $input) { deal { id } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation AddDealNote($input: AddDealNoteInput!) {\n    addDealNote(input: $input) { deal { id } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pipeline {\n    viewer {\n      organization { __typename ... on Investor { id } }\n      deals(first: 100) { totalCount edges { node { id stage daysInStage startup { id name stage } } } }\n    }\n  }\n"): (typeof documents)["\n  query Pipeline {\n    viewer {\n      organization { __typename ... on Investor { id } }\n      deals(first: 100) { totalCount edges { node { id stage daysInStage startup { id name stage } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedSearches {\n    viewer {\n      organization {\n        __typename\n        ... on Investor { id savedSearches { id name query sectors stages incubators { id name } createdAt } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SavedSearches {\n    viewer {\n      organization {\n        __typename\n        ... on Investor { id savedSearches { id name query sectors stages incubators { id name } createdAt } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedSearch($id: ID!) {\n    deleteSavedSearch(input: { id: $id }) { deletedId userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation DeleteSavedSearch($id: ID!) {\n    deleteSavedSearch(input: { id: $id }) { deletedId userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events {\n    events(status: [PUBLISHED], first: 100) {\n      edges { node { id title kind start end venue seatsTaken capacity incubator { id name } myRegistration { id status } } }\n    }\n  }\n"): (typeof documents)["\n  query Events {\n    events(status: [PUBLISHED], first: 100) {\n      edges { node { id title kind start end venue seatsTaken capacity incubator { id name } myRegistration { id status } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id title kind description start end venue seatsTaken capacity status viewerCanRegister viewerCanManage agendaStatus\n      incubator { id name }\n      myRegistration {\n        id status type waitlistPosition\n        recommendations(first: 8) {\n          score\n          explanation { factor contribution detail }\n          participant { id name organization type myMark startup { id } }\n        }\n      }\n      myMeetingRequests {\n        id status message sentAt\n        from { id name organization }\n        to { id name organization }\n      }\n      myAgenda {\n        status ics\n        items { meeting { id table slot { start end } } with { id name organization } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventPage($id: ID!) {\n    event(id: $id) {\n      id title kind description start end venue seatsTaken capacity status viewerCanRegister viewerCanManage agendaStatus\n      incubator { id name }\n      myRegistration {\n        id status type waitlistPosition\n        recommendations(first: 8) {\n          score\n          explanation { factor contribution detail }\n          participant { id name organization type myMark startup { id } }\n        }\n      }\n      myMeetingRequests {\n        id status message sentAt\n        from { id name organization }\n        to { id name organization }\n      }\n      myAgenda {\n        status ics\n        items { meeting { id table slot { start end } } with { id name organization } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterForEvent($input: RegisterForEventInput!) {\n    registerForEvent(input: $input) { participant { id status } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation RegisterForEvent($input: RegisterForEventInput!) {\n    registerForEvent(input: $input) { participant { id status } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkParticipant($input: MarkParticipantInput!) {\n    markParticipant(input: $input) { participant { id myMark } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation MarkParticipant($input: MarkParticipantInput!) {\n    markParticipant(input: $input) { participant { id myMark } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) { request { id status } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) { request { id status } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {\n    respondToMeetingRequest(input: $input) { request { id status } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {\n    respondToMeetingRequest(input: $input) { request { id status } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications {\n    viewer {\n      notifications(first: 50) { totalCount edges { node { id kind message createdAt readAt startup { id name } } } }\n    }\n  }\n"): (typeof documents)["\n  query Notifications {\n    viewer {\n      notifications(first: 50) { totalCount edges { node { id kind message createdAt readAt startup { id name } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(input: { id: $id }) { notification { id readAt } userErrors { field code message } } }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(input: { id: $id }) { notification { id readAt } userErrors { field code message } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchFields on Match {\n    id\n    score\n    program\n    explanation { factor weight value contribution detail }\n    target {\n      __typename\n      ... on Startup { id name }\n      ... on FundCall { id title }\n      ... on Investor { id name }\n      ... on Mentor { id name }\n      ... on Incubator { id name }\n    }\n  }\n"): (typeof documents)["\n  fragment MatchFields on Match {\n    id\n    score\n    program\n    explanation { factor weight value contribution detail }\n    target {\n      __typename\n      ... on Startup { id name }\n      ... on FundCall { id title }\n      ... on Investor { id name }\n      ... on Mentor { id name }\n      ... on Incubator { id name }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;