package transfer

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// The click-through non-disclosure agreement a firm accepts before an
// offer's details open. A new text gets a new version; a signature names
// the version accepted.
const (
	NDAVersion = "2026-12"
	NDATextVI  = `THOẢ THUẬN BẢO MẬT (NDA) — phiên bản 2026-12
1. Doanh nghiệp nhận thông tin chi tiết về công nghệ chỉ để đánh giá khả năng hợp tác với tổ chức chào bán.
2. Doanh nghiệp không tiết lộ, sao chép hay sử dụng thông tin vào mục đích khác khi chưa có văn bản đồng ý của tổ chức.
3. Nghĩa vụ bảo mật kéo dài 3 năm kể từ ngày chấp nhận, trừ thông tin đã được công bố công khai.
4. Mỗi lần xem thông tin chi tiết đều được ghi lại; tổ chức chào bán được xem nhật ký này.
5. Thoả thuận được điều chỉnh theo pháp luật Việt Nam.`
	NDATextEN = `NON-DISCLOSURE AGREEMENT — version 2026-12
1. The firm receives the technology's details only to assess a cooperation with the offering organisation.
2. The firm will not disclose, copy or use them for any other purpose without the organisation's written consent.
3. The duty of confidentiality lasts 3 years from acceptance, except for information already public.
4. Every read of the details is logged; the offering organisation sees the log.
5. This agreement is governed by the laws of Vietnam.`
)

// registrationGrace is how long after an agreement its required
// registration may be missing before reminders start; they repeat weekly.
const (
	registrationGrace = 30 * 24 * time.Hour
	reminderEvery     = 7 * 24 * time.Hour
)

// ConversationID is the ID of a firm's conversation about an offer: one
// per offer and firm.
func ConversationID(offerID, firmID string) string { return offerID + "~" + firmID }

// side is who acts in a conversation.
type side uint8

const (
	firmSide side = 1 << iota
	orgSide
)

// moves lists, for each stage, the stages it may go to and who may move it.
var moves = map[Stage]map[Stage]side{
	Interested:  {NDASigned: firmSide, Abandoned: firmSide | orgSide},
	NDASigned:   {Negotiating: firmSide | orgSide, Abandoned: firmSide | orgSide},
	Negotiating: {Agreed: orgSide, Abandoned: firmSide | orgSide},
}

func invalidMove(from, to Stage) error {
	return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
		fmt.Sprintf("Không thể chuyển trao đổi từ “%s” sang “%s”.", from.Label(false), to.Label(false)),
		fmt.Sprintf("A conversation cannot go from “%s” to “%s”.", from.Label(true), to.Label(true)))
}

// sideOf is the side the caller acts for in c; admins act for neither.
func sideOf(p identity.Principal, c Conversation) side {
	switch {
	case policy.NegotiateFor(p, c.FirmID) == nil:
		return firmSide
	case p.ActsFor(identity.RoleTTOManager, c.OrgID):
		return orgSide
	}
	return 0
}

// ExpressInterest opens a firm's conversation about a published offer.
func (s *Service) ExpressInterest(ctx context.Context, offerID, firmID, message string) (Conversation, error) {
	if err := policy.NegotiateFor(identity.FromContext(ctx), firmID); err != nil {
		return Conversation{}, err
	}
	o, err := s.Offer(ctx, offerID)
	if err != nil {
		return Conversation{}, at(err, "offerId")
	}
	if o.Status != Published {
		return Conversation{}, errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, []string{"offerId"},
			"Chào bán này không còn nhận quan tâm.", "This offer no longer takes expressions of interest.")
	}
	msg, err := value.Text(message, false, 2000)
	if err != nil {
		return Conversation{}, at(err, "message")
	}
	now := s.clock.Now()
	by := identity.FromContext(ctx).Subject
	c := Conversation{Meta: record.New(now), OfferID: o.ID, OrgID: o.OrgID, FirmID: firmID, Message: msg, Stage: Interested,
		History: []Step{{At: now, By: by, To: Interested, Note: msg}}}
	c.ID = ConversationID(o.ID, firmID)
	if err := s.st.Conversations.Create(ctx, c); err != nil {
		if errs.KindOf(err) == errs.Conflict {
			return Conversation{}, errs.New(errs.Conflict, errs.CodeDuplicateRequest, []string{"offerId"},
				"Doanh nghiệp đã bày tỏ quan tâm tới chào bán này.", "The firm has already expressed interest in this offer.")
		}
		return Conversation{}, fmt.Errorf("create conversation: %w", err)
	}
	return c, nil
}

// Conversation returns a conversation to its two sides and admins.
func (s *Service) Conversation(ctx context.Context, id string) (Conversation, error) {
	c, err := s.st.Conversations.Get(ctx, id)
	if err != nil {
		return Conversation{}, err
	}
	if policy.ViewConversation(identity.FromContext(ctx), c.OrgID, c.FirmID) != nil {
		return Conversation{}, EntityConversation.NotFound()
	}
	return c, nil
}

// MyConversation returns the conversation about offer o of the firm the
// caller acts for; ok is false when there is none or the caller acts for no firm.
func (s *Service) MyConversation(ctx context.Context, o Offer) (c Conversation, ok bool, err error) {
	p := identity.FromContext(ctx)
	if policy.NegotiateFor(p, p.OrgID) != nil {
		return Conversation{}, false, nil
	}
	c, err = s.st.Conversations.Get(ctx, ConversationID(o.ID, p.OrgID))
	if errs.KindOf(err) == errs.NotFound {
		return Conversation{}, false, nil
	}
	return c, err == nil, err
}

// mine narrows f to the caller's conversations: a firm member's, an
// organisation's staff's; admins see all; ok is false for a signed-in
// caller who can have none.
func mine(ctx context.Context, f ConversationFilter) (_ ConversationFilter, ok bool, err error) {
	p := identity.FromContext(ctx)
	switch {
	case p.Anonymous():
		return f, false, errs.UnauthenticatedErr()
	case p.Has(identity.RoleAdmin):
	case p.Has(identity.RoleTTOManager) && p.OrgID != "":
		f.OrgID = p.OrgID
	case p.Has(identity.RoleStartupMember) && p.OrgID != "":
		f.FirmID = p.OrgID
	default:
		return f, false, nil
	}
	return f, true, nil
}

// Conversations pages the caller's conversations matching f.
func (s *Service) Conversations(ctx context.Context, f ConversationFilter, p value.Page) (value.Slice[Conversation], error) {
	f, ok, err := mine(ctx, f)
	if !ok {
		return value.Slice[Conversation]{}, err
	}
	return s.st.Conversations.List(ctx, f, p)
}

// CountConversations counts what Conversations pages.
func (s *Service) CountConversations(ctx context.Context, f ConversationFilter) (int, error) {
	f, ok, err := mine(ctx, f)
	if !ok {
		return 0, err
	}
	return s.st.Conversations.Count(ctx, f)
}

// change runs fn on a conversation as the caller, who must be one of its sides.
func (s *Service) change(ctx context.Context, id string, fn func(c *Conversation, by side, now time.Time) error) (Conversation, error) {
	p := identity.FromContext(ctx)
	return s.st.Conversations.Update(ctx, id, func(c *Conversation) error {
		if policy.ViewConversation(p, c.OrgID, c.FirmID) != nil {
			return EntityConversation.NotFound()
		}
		by := sideOf(p, *c)
		if by == 0 {
			return errs.Forbidden()
		}
		return fn(c, by, s.clock.Now())
	})
}

// move takes c to stage to, if by may.
func move(c *Conversation, to Stage, by side, who string, now time.Time, note string) error {
	allowed, ok := moves[c.Stage][to]
	if !ok {
		return invalidMove(c.Stage, to)
	}
	if allowed&by == 0 {
		return errs.Forbidden()
	}
	c.History = append(c.History, Step{At: now, By: who, From: c.Stage, To: to, Note: note})
	c.Stage = to
	c.UpdatedAt = now
	return nil
}

// Respond accepts or declines a firm's interest (the organisation's
// staff); declining ends the conversation.
func (s *Service) Respond(ctx context.Context, id string, accept bool, note string) (Conversation, error) {
	note, err := value.Text(note, false, 2000)
	if err != nil {
		return Conversation{}, at(err, "note")
	}
	who := identity.FromContext(ctx).Subject
	return s.change(ctx, id, func(c *Conversation, by side, now time.Time) error {
		if by != orgSide {
			return errs.Forbidden()
		}
		if c.Stage != Interested || c.Accepted {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Quan tâm này đã được trả lời.", "This interest has already been answered.")
		}
		if !accept {
			return move(c, Abandoned, by, who, now, note)
		}
		c.Accepted = true
		c.History = append(c.History, Step{At: now, By: who, From: Interested, To: Interested, Note: note})
		return nil
	})
}

// SignNDA records a firm member's click-through acceptance of the NDA of
// the version they read, once the organisation accepted the interest.
func (s *Service) SignNDA(ctx context.Context, id, version string) (Conversation, error) {
	p := identity.FromContext(ctx)
	return s.change(ctx, id, func(c *Conversation, by side, now time.Time) error {
		if by != firmSide {
			return errs.Forbidden()
		}
		if c.Stage == Interested && !c.Accepted {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Tổ chức chưa chấp nhận quan tâm của doanh nghiệp.", "The organisation has not accepted the firm's interest yet.")
		}
		if version != NDAVersion {
			return errs.InvalidValue(
				fmt.Sprintf("Thoả thuận bảo mật đã đổi sang phiên bản %s: hãy đọc lại trước khi chấp nhận.", NDAVersion),
				fmt.Sprintf("The NDA is now version %s: read it again before accepting.", NDAVersion), "ndaVersion")
		}
		if err := move(c, NDASigned, by, p.Subject, now, ""); err != nil {
			return err
		}
		c.NDA = &Signature{Version: version, Subject: p.Subject, Name: p.Name, At: now}
		return nil
	})
}

// Move takes a conversation to NEGOTIATING or ABANDONED.
func (s *Service) Move(ctx context.Context, id string, to Stage, note string) (Conversation, error) {
	note, err := value.Text(note, false, 2000)
	if err != nil {
		return Conversation{}, at(err, "note")
	}
	if to != Negotiating && to != Abandoned {
		return Conversation{}, errs.InvalidValue("Dùng chấp nhận NDA hoặc ghi nhận thoả thuận cho bước này.",
			"Use signNda or recordTransferAgreement for this step.", "stage")
	}
	who := identity.FromContext(ctx).Subject
	return s.change(ctx, id, func(c *Conversation, by side, now time.Time) error {
		return move(c, to, by, who, now, note)
	})
}

// AgreementDraft is an agreement as a client sends it.
type AgreementDraft struct {
	Type               string
	Value              int64
	SignedOn           string
	FromAbroad         bool
	RegistrationNumber string
	RegisteredOn       string
}

// RecordAgreement closes a negotiation with an agreement (the
// organisation's staff). A sale of the IP transfers the offer.
func (s *Service) RecordAgreement(ctx context.Context, id string, d AgreementDraft) (Conversation, error) {
	var list errs.List
	kind, err := ParseCooperation(d.Type)
	list.Check(err, "type")
	val, err := value.NewVND(d.Value)
	list.Check(err, "valueVnd")
	signed, err := value.ParseDate(d.SignedOn)
	list.Check(err, "signedOn")
	number, registered, err := registration(d.RegistrationNumber, d.RegisteredOn)
	list.Add(err)
	if err := list.Err(); err != nil {
		return Conversation{}, err
	}
	if !registered.IsZero() && signed.After(registered) {
		return Conversation{}, errs.InvalidValue("Ngày đăng ký phải từ ngày ký trở đi.",
			"The registration cannot precede the signing.", "registeredOn")
	}
	p := identity.FromContext(ctx)
	var offer Offer
	c, err := s.change(ctx, id, func(c *Conversation, by side, now time.Time) error {
		if signed.After(value.DateOf(now)) {
			return errs.InvalidValue("Ngày ký không thể ở tương lai.", "The signing date cannot be in the future.", "signedOn")
		}
		if offer, err = s.st.Offers.Get(ctx, c.OfferID); err != nil {
			return err
		}
		if err := move(c, Agreed, by, p.Subject, now, ""); err != nil {
			return err
		}
		c.Agreement = &Agreement{Type: kind, Value: val, SignedOn: signed, FromAbroad: d.FromAbroad,
			StateCapital: offer.StateFunded, RegistrationNumber: number, RegisteredOn: registered,
			RecordedBy: p.Subject, RecordedAt: now}
		return nil
	})
	if err != nil || kind != IPSale {
		return c, err
	}
	_, err = s.st.Offers.Update(ctx, offer.ID, func(o *Offer) error {
		if o.Status == Published {
			o.Status = Transferred
		}
		return nil
	})
	if err == nil {
		s.Changed.Notify(offer.ID)
	}
	return c, err
}

// registration validates a registration's number and date, both or neither.
func registration(number, on string) (string, value.Date, error) {
	var list errs.List
	n, err := value.Text(number, false, 60)
	list.Check(err, "registrationNumber")
	var d value.Date
	if on != "" {
		d, err = value.ParseDate(on)
		list.Check(err, "registeredOn")
	}
	switch {
	case n != "" && on == "":
		list.Add(errs.Required("registeredOn"))
	case n == "" && on != "":
		list.Add(errs.Required("registrationNumber"))
	}
	return n, d, list.Err()
}

// RecordRegistration records an agreement's registration (either side),
// which stops the reminders.
func (s *Service) RecordRegistration(ctx context.Context, id, number, on string) (Conversation, error) {
	n, d, err := registration(number, on)
	if err == nil && n == "" {
		err = errs.Required("registrationNumber")
	}
	if err != nil {
		return Conversation{}, err
	}
	return s.change(ctx, id, func(c *Conversation, _ side, now time.Time) error {
		if c.Stage != Agreed || c.Agreement == nil {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Chỉ đăng ký được một thoả thuận đã ký.", "Only an agreement can be registered.")
		}
		if c.Agreement.SignedOn.After(d) || d.After(value.DateOf(now)) {
			return errs.InvalidValue("Ngày đăng ký phải từ ngày ký đến hôm nay.",
				"The registration date must fall between the signing and today.", "registeredOn")
		}
		c.Agreement.RegistrationNumber, c.Agreement.RegisteredOn = n, d
		return nil
	})
}

// RemindRegistrations adds a reminder to every agreement whose required
// registration is still missing 30 days after signing, then weekly; it
// reports how many it reminded.
func (s *Service) RemindRegistrations(ctx context.Context) (int, error) {
	due, err := s.st.Conversations.All(ctx, ConversationFilter{Stages: []Stage{Agreed}, RegistrationMissing: true})
	if err != nil {
		return 0, err
	}
	now := s.clock.Now()
	today := value.DateOf(now)
	n := 0
	for _, c := range due {
		if !remindable(c, now) {
			continue
		}
		_, err := s.st.Conversations.Update(ctx, c.ID, func(c *Conversation) error {
			if !remindable(*c, now) {
				return errNothingToDo
			}
			c.Reminders = append(c.Reminders, today)
			return nil
		})
		switch {
		case err == nil:
			n++
		case err != errNothingToDo:
			return n, err
		}
	}
	return n, nil
}

var errNothingToDo = errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil, "", "")

// remindable tells whether c's agreement needs a registration reminder now.
func remindable(c Conversation, now time.Time) bool {
	a := c.Agreement
	if c.Stage != Agreed || a == nil || !a.RegistrationMissing() || now.Before(a.SignedOn.Start().Add(registrationGrace)) {
		return false
	}
	if n := len(c.Reminders); n > 0 && now.Before(c.Reminders[n-1].Start().Add(reminderEvery)) {
		return false
	}
	return !slices.Contains(c.Reminders, value.DateOf(now))
}

// OfferOf returns the offer a conversation is about, whatever its status:
// both sides of a conversation keep seeing what they talk about.
func (s *Service) OfferOf(ctx context.Context, c Conversation) (Offer, error) {
	return s.st.Offers.Get(ctx, c.OfferID)
}
