package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/value"
)

// sandboxQueue gives the regulator a queue to work: one application whose
// acknowledgement is overdue, and one under assessment with an answered
// information request. Neither is in the public register (nothing tests yet).
func sandboxQueue(ctx context.Context, s Stores, now time.Time, prog sandbox.Program, startupIDs []string) error {
	startup := func(nameEN string) string {
		for i, st := range startups {
			if st.nameEN == nameEN {
				return startupIDs[i]
			}
		}
		panic("demo: no startup " + nameEN) // the data file is constant
	}
	day := func(d int) time.Time { return now.AddDate(0, 0, d) }
	submitted := sandbox.Application{Meta: record.New(day(-12)), ProgramID: prog.ID, StartupID: startup("PortSec"),
		Proposal: sandbox.Proposal{
			Product: "Giám sát an ninh mạng cho cổng thanh toán phí cảng", Innovation: "Phát hiện giao dịch bất thường bằng học máy",
			ConsumerBenefit: "Chủ hàng được cảnh báo gian lận trong vài giây", Readiness: "Đã chạy thử với dữ liệu lịch sử 12 tháng",
			Need:      "Chưa có quy định cho việc chia sẻ dữ liệu giao dịch với bên giám sát",
			Requested: sandbox.Limits{DurationDays: 365, MaxCustomers: 300, CapPerCustomer: 0, TotalCap: 0},
			StartOn:   value.DateOf(day(30)), Risks: "Cảnh báo nhầm làm chậm thanh toán", Mitigations: "Người kiểm tra lại mọi cảnh báo",
			Safeguards: "Không chặn giao dịch tự động", Disclosure: "Điều khoản trên cổng thanh toán", ExitPlan: "Tắt giám sát, giữ nhật ký 5 năm",
			Documents: []string{"files/portsec-ho-so.pdf"},
		},
		Status: sandbox.Submitted, SubmittedOn: value.DateOf(day(-12)),
		History: []sandbox.Transition{{At: day(-12), By: "demo-founder", From: sandbox.Draft, To: sandbox.Submitted}},
	}
	assessing := sandbox.Application{Meta: record.New(day(-30)), ProgramID: prog.ID, StartupID: startup("HaiAn EV Fleet"),
		Proposal: sandbox.Proposal{
			Product: "Thuê xe đầu kéo điện trả theo km trong cảng", Innovation: "Giá theo km đo bằng viễn trắc, thanh toán tự động",
			ConsumerBenefit: "Chủ xe nhỏ dùng xe điện không cần vốn mua", Readiness: "10 xe chạy thử nội bộ 6 tháng",
			Need:      "Chưa có khung cho cho thuê phương tiện tính phí theo dữ liệu viễn trắc",
			Requested: sandbox.Limits{DurationDays: 540, MaxCustomers: 80, Wards: []string{"Hải An"}, CapPerCustomer: 50_000_000, TotalCap: 4_000_000_000},
			StartOn:   value.DateOf(day(45)), Risks: "Sai số đo quãng đường", Mitigations: "Đối chiếu với GPS và công-tơ-mét",
			Safeguards: "Hoàn tiền chênh lệch trong 48 giờ", Disclosure: "Bảng giá công khai trên ứng dụng", ExitPlan: "Chuyển về giá thuê theo tháng",
			Documents: []string{"files/haian-ev-ho-so.pdf"},
		},
		Status: sandbox.UnderAssessment, SubmittedOn: value.DateOf(day(-30)), AcknowledgedOn: value.DateOf(day(-27)),
		History: []sandbox.Transition{
			{At: day(-30), By: "demo-founder", From: sandbox.Draft, To: sandbox.Submitted},
			{At: day(-27), By: "regulator-1", From: sandbox.Submitted, To: sandbox.UnderAssessment},
			{At: day(-20), By: "regulator-1", From: sandbox.UnderAssessment, To: sandbox.InfoRequested},
			{At: day(-15), By: "demo-founder", From: sandbox.InfoRequested, To: sandbox.UnderAssessment},
		},
		InfoRequests: []sandbox.InfoRequest{{At: day(-20), Question: "Xin gửi kết quả hiệu chuẩn bộ đo quãng đường.",
			Answer: "Đã gửi biên bản hiệu chuẩn của Trung tâm Đo lường Hải Phòng.", AnsweredAt: day(-15)}},
	}
	for _, a := range []sandbox.Application{submitted, assessing} {
		if err := s.SandboxApplications.Create(ctx, a); err != nil {
			return fmt.Errorf("seed sandbox application %q: %w", a.Product, err)
		}
	}
	return nil
}
