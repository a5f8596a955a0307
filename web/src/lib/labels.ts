import type { T } from './i18n';

// Labels of the API's enums in both languages. Sectors come from the API's
// own taxonomy (the `sectors` field), so they are not repeated here.

type Labels = Record<string, [vi: string, en: string]>;

const tables = {
  stage: {
    IDEA: ['Ý tưởng', 'Idea'], PROTOTYPE: ['Mẫu thử', 'Prototype'], PRE_SEED: ['Tiền hạt giống', 'Pre-seed'],
    SEED: ['Hạt giống', 'Seed'], SERIES_A: ['Vòng A', 'Series A'], GROWTH: ['Tăng trưởng', 'Growth'],
  },
  application: {
    DRAFT: ['Bản nháp', 'Draft'], SUBMITTED: ['Đã nộp', 'Submitted'], UNDER_REVIEW: ['Đang xét', 'Under review'],
    SHORTLISTED: ['Vào danh sách ngắn', 'Shortlisted'], AWARDED: ['Được tài trợ', 'Awarded'],
    REJECTED: ['Không được chọn', 'Rejected'], WITHDRAWN: ['Đã rút', 'Withdrawn'],
  },
  call: {
    DRAFT: ['Bản nháp', 'Draft'], OPEN: ['Đang mở', 'Open'], CLOSED: ['Đã đóng', 'Closed'],
    DECIDED: ['Đã quyết định', 'Decided'], CANCELLED: ['Đã huỷ', 'Cancelled'],
  },
  deal: {
    SOURCED: ['Tìm thấy', 'Sourced'], CONTACTED: ['Đã liên hệ', 'Contacted'], MEETING: ['Gặp gỡ', 'Meeting'],
    DUE_DILIGENCE: ['Thẩm định', 'Due diligence'], TERM_SHEET: ['Bản điều khoản', 'Term sheet'],
    INVESTED: ['Đã đầu tư', 'Invested'], PASSED: ['Bỏ qua', 'Passed'],
  },
  matchKind: {
    FUND_CALL: ['Đợt gọi vốn', 'Funding calls'], INVESTOR: ['Nhà đầu tư', 'Investors'],
    MENTOR: ['Cố vấn', 'Mentors'], INCUBATOR: ['Chương trình ươm tạo', 'Programmes'],
  },
  factor: {
    SECTOR: ['Lĩnh vực', 'Sector'], STAGE: ['Giai đoạn', 'Stage'], TICKET: ['Quy mô vốn', 'Ticket'],
    TEXT: ['Nội dung', 'Description'], LOCATION: ['Địa bàn', 'Location'], INCUBATOR: ['Vườn ươm', 'Incubator'],
    FEEDBACK: ['Phản hồi', 'Feedback'], RECIPROCITY: ['Hai chiều', 'Reciprocity'], NEEDS: ['Nhu cầu', 'Needs'],
    PROFILE: ['Hồ sơ', 'Profile'], TRL: ['Mức sẵn sàng công nghệ', 'Readiness (TRL)'],
    RECENCY: ['Hoạt động gần đây', 'Recent activity'], COLLABORATIVE: ['Đối tác tương tự', 'Similar partners'],
  },
  eventKind: {
    STARTUP_CAFE: ['Startup Café', 'Startup Café'], MATCHMAKING: ['Kết nối gặp gỡ', 'Matchmaking'],
    DEMO_DAY: ['Ngày trình diễn', 'Demo day'], WORKSHOP: ['Hội thảo', 'Workshop'],
    TECH_TRANSFER: ['Chợ công nghệ (Techmart)', 'Techmart day'],
  },
  eventStatus: { DRAFT: ['Bản nháp', 'Draft'], PUBLISHED: ['Đã công bố', 'Published'], CANCELLED: ['Đã huỷ', 'Cancelled'] },
  registration: {
    CONFIRMED: ['Đã xác nhận', 'Confirmed'], PENDING_APPROVAL: ['Chờ duyệt', 'Pending approval'],
    WAITLISTED: ['Danh sách chờ', 'Waitlisted'], CANCELLED: ['Đã huỷ', 'Cancelled'], REJECTED: ['Bị từ chối', 'Rejected'],
  },
  request: {
    PENDING: ['Chờ trả lời', 'Pending'], ACCEPTED: ['Đã nhận lời', 'Accepted'], DECLINED: ['Đã từ chối', 'Declined'],
    CANCELLED: ['Đã huỷ', 'Cancelled'], EXPIRED: ['Hết hạn', 'Expired'],
  },
  screening: {
    ELIGIBLE: ['Đủ điều kiện', 'Eligible'], NOT_ELIGIBLE: ['Chưa đủ điều kiện', 'Not eligible'],
    NEEDS_EVIDENCE: ['Cần bổ sung minh chứng', 'Needs evidence'],
  },
  legalForm: {
    JOINT_STOCK: ['Công ty cổ phần', 'Joint-stock company'], LLC_ONE_MEMBER: ['Công ty TNHH một thành viên', 'Single-member LLC'],
    LLC_MULTI_MEMBER: ['Công ty TNHH hai thành viên trở lên', 'Multi-member LLC'], PARTNERSHIP: ['Công ty hợp danh', 'Partnership'],
    PRIVATE_ENTERPRISE: ['Doanh nghiệp tư nhân', 'Private enterprise'],
  },
  certificate: {
    ST_ENTERPRISE: ['Doanh nghiệp khoa học và công nghệ', 'Science and technology enterprise'],
    HIGH_TECH: ['Doanh nghiệp công nghệ cao', 'High-tech enterprise'],
  },
  trlBand: {
    TRL_1_3: ['TRL 1–3: nghiên cứu', 'TRL 1–3: research'], TRL_4_6: ['TRL 4–6: phát triển', 'TRL 4–6: development'],
    TRL_7_9: ['TRL 7–9: sẵn sàng ứng dụng', 'TRL 7–9: deployment'],
  },
  cooperation: {
    LICENCE: ['Li-xăng', 'Licence'], IP_SALE: ['Chuyển nhượng quyền sở hữu', 'Sale of IP'], JOINT_RND: ['Hợp tác nghiên cứu', 'Joint R&D'],
    TECHNICAL_ASSISTANCE: ['Hỗ trợ kỹ thuật', 'Technical assistance'], SPIN_OFF: ['Thành lập spin-off', 'Spin-off creation'],
  },
  transferStage: {
    INTERESTED: ['Quan tâm', 'Interested'], NDA_SIGNED: ['Đã ký NDA', 'NDA signed'], NEGOTIATING: ['Đang đàm phán', 'Negotiating'],
    AGREED: ['Đã thoả thuận', 'Agreed'], ABANDONED: ['Đã dừng', 'Abandoned'],
  },
  offerStatus: {
    DRAFT: ['Bản nháp', 'Draft'], PUBLISHED: ['Đã công bố', 'Published'], WITHDRAWN: ['Đã rút', 'Withdrawn'], TRANSFERRED: ['Đã chuyển giao', 'Transferred'],
  },
  ipKind: {
    INVENTION_PATENT: ['Bằng độc quyền sáng chế', 'Invention patent'], UTILITY_SOLUTION: ['Bằng độc quyền giải pháp hữu ích', 'Utility solution'],
    INDUSTRIAL_DESIGN: ['Kiểu dáng công nghiệp', 'Industrial design'], IC_LAYOUT_DESIGN: ['Thiết kế bố trí mạch tích hợp', 'IC layout design'],
    SOFTWARE_COPYRIGHT: ['Bản quyền phần mềm', 'Software copyright'], PLANT_VARIETY: ['Giống cây trồng', 'Plant variety'],
    TECHNICAL_ADVANCE: ['Tiến bộ kỹ thuật', 'Technical advance'],
  },
  role: {
    ADMIN: ['Quản trị viên', 'Administrator'], INCUBATOR_MANAGER: ['Quản lý vườn ươm', 'Incubator manager'],
    FUND_MANAGER: ['Quản lý quỹ', 'Fund manager'], INVESTOR: ['Nhà đầu tư', 'Investor'],
    STARTUP_MEMBER: ['Nhà sáng lập', 'Founder'], REVIEWER: ['Chuyên gia đánh giá', 'Reviewer'],
    REGULATOR: ['Cơ quan quản lý', 'Regulator'], TTO_MANAGER: ['Cán bộ chuyển giao công nghệ', 'Technology-transfer officer'],
    OFFICIAL: ['Cán bộ thành phố', 'City official'],
  },
  standing: {
    QUALIFIES: ['Đủ điều kiện', 'Qualifies'], NOT_YET: ['Chưa đủ điều kiện', 'Not yet'],
    MISSING_EVIDENCE: ['Thiếu minh chứng', 'Missing evidence'],
  },
  benefit: {
    TAX_EXEMPTION: ['Miễn thuế', 'Tax exemption'], TAX_REDUCTION: ['Giảm thuế', 'Tax reduction'],
    LAND_RENT: ['Miễn, giảm tiền thuê đất', 'Land rent'], GRANT: ['Tài trợ, hỗ trợ chi phí', 'Grant or cost support'],
    TRAINING: ['Đào tạo', 'Training'], CONSULTING: ['Tư vấn', 'Consulting'], INFRASTRUCTURE: ['Sử dụng hạ tầng', 'Infrastructure use'],
  },
  benefitPeriod: { ONCE: ['một lần', 'once'], YEAR: ['mỗi năm', 'a year'], MONTH: ['mỗi tháng', 'a month'] },
  claim: { APPLIED: ['Đã nộp hồ sơ', 'Applied'], RECEIVED: ['Đã nhận', 'Received'], REFUSED: ['Bị từ chối', 'Refused'] },
  questionKind: {
    TEXT: ['Văn bản', 'Text'], NUMBER: ['Số', 'Number'], SINGLE_CHOICE: ['Chọn một', 'Single choice'],
    MULTIPLE_CHOICE: ['Chọn nhiều', 'Multiple choice'], DOCUMENT: ['Tài liệu', 'Document'],
  },
  sandbox: {
    DRAFT: ['Bản nháp', 'Draft'], SUBMITTED: ['Đã nộp', 'Submitted'], UNDER_ASSESSMENT: ['Đang thẩm định', 'Under assessment'],
    INFO_REQUESTED: ['Chờ bổ sung thông tin', 'Information requested'], APPROVED: ['Đã chấp thuận', 'Approved'],
    REJECTED: ['Bị từ chối', 'Rejected'], TESTING: ['Đang thử nghiệm', 'Testing'], SUSPENDED: ['Tạm dừng', 'Suspended'],
    EXITED: ['Đã kết thúc', 'Exited'], WITHDRAWN: ['Đã rút', 'Withdrawn'],
  },
  sandboxFlag: {
    ACKNOWLEDGEMENT_OVERDUE: ['Quá hạn xác nhận', 'Acknowledgement overdue'], ASSESSMENT_OVERDUE: ['Quá hạn thẩm định', 'Assessment overdue'],
    APPROVAL_LAPSED: ['Chấp thuận hết hiệu lực', 'Approval lapsed'], REPORT_OVERDUE: ['Quá hạn báo cáo', 'Report overdue'],
  },
  sandboxOutcome: {
    GRADUATED: ['Hoàn thành, được cấp phép', 'Graduated'], EXTENDED: ['Được gia hạn', 'Extended'],
    TERMINATED: ['Chấm dứt', 'Terminated'],
  },
  jobStatus: {
    RUNNING: ['Đang chạy', 'Running'], SUCCEEDED: ['Thành công', 'Succeeded'], FAILED: ['Lỗi', 'Failed'], SKIPPED: ['Bỏ qua', 'Skipped'],
  },
  jobTrigger: { SCHEDULE: ['Theo lịch', 'Scheduled'], MANUAL: ['Chạy tay', 'Manual'], EVENT: ['Theo sự kiện', 'Event'] },
  criteriaSet: { DRAFT: ['Bản nháp', 'Draft'], ACTIVE: ['Đang áp dụng', 'Active'], RETIRED: ['Đã thôi áp dụng', 'Retired'] },
  importAction: { CREATE: ['Tạo mới', 'Create'], UPDATE: ['Cập nhật', 'Update'], UNCHANGED: ['Không đổi', 'Unchanged'] },
  weightsOrigin: {
    SHIPPED: ['Mặc định khi cài đặt (nhà đầu tư: khớp trên dữ liệu đầu tư công khai)', 'Shipped (investors: fitted on a public investments data set)'],
    FITTED: ['Khớp từ kết quả thực tế', 'Fitted on outcomes'],
    MANUAL: ['Nhập tay', 'Written by hand'],
  },
} satisfies Record<string, Labels>;

export type LabelTable = keyof typeof tables;

/** The label of an enum value, or the value itself when it is new to the console. */
export function label(t: T, table: LabelTable, value: string): string {
  const l = (tables[table] as Labels)[value];
  return l ? t(l[0], l[1]) : value;
}

export function values(table: LabelTable): string[] {
  return Object.keys(tables[table]);
}
