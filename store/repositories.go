package store

import "github.com/innoport/innoport/domain/ecosystem"

// Repositories are every repository of one database, made once: what the
// composition root wires the use-cases with (and the demo seeds through).
type Repositories struct {
	Startups            *Startups
	Incubators          *Incubators
	Investors           *Actors[ecosystem.Investor, investorDoc]
	Mentors             *Actors[ecosystem.Mentor, mentorDoc]
	Funds               *Funds
	Calls               *Calls
	Applications        *Applications
	Reviewers           *Reviewers
	CriteriaSets        *CriteriaSets
	Results             *Results
	Programs            *Programs
	SandboxApplications *SandboxApplications
	Events              *Events
	Boards              *Boards
	Requests            *Requests
	Deals               *Deals
	SavedSearches       *SavedSearches
	Notifications       *Notifications
	Grants              *Grants
	Access              *AccessLog
	MatchSources        MatchSources
	MatchLists          *MatchLists
	MatchWeights        *WeightSets
	Leases              *Leases
	Runs                *Runs
	Users               *Users
	ResearchOrgs        *ResearchOrgs
	TechOffers          *TechOffers
	TechRequests        *TechRequests
	Conversations       *Conversations
	DetailReads         *DetailReads
	TransferLists       *MatchLists
	Incentives          *Incentives
	Standings           *Standings
	Benefits            *Benefits
	OpenData            *OpenData
}

// NewRepositories makes every repository of db.
func NewRepositories(db *DB) Repositories {
	return Repositories{
		Startups: NewStartups(db), Incubators: NewIncubators(db), Investors: NewInvestors(db), Mentors: NewMentors(db),
		Funds: NewFunds(db), Calls: NewCalls(db), Applications: NewApplications(db), Reviewers: NewReviewers(db),
		CriteriaSets: NewCriteriaSets(db), Results: NewResults(db),
		Programs: NewPrograms(db), SandboxApplications: NewSandboxApplications(db),
		Events: NewEvents(db), Boards: NewBoards(db), Requests: NewRequests(db),
		Deals: NewDeals(db), SavedSearches: NewSavedSearches(db), Notifications: NewNotifications(db),
		Grants: NewGrants(db), Access: NewAccessLog(db),
		MatchSources: NewMatchSources(db), MatchLists: NewMatchLists(db), MatchWeights: NewWeightSets(db), Leases: NewLeases(db), Runs: NewRuns(db),
		Users:        NewUsers(db),
		ResearchOrgs: NewResearchOrgs(db), TechOffers: NewTechOffers(db), TechRequests: NewTechRequests(db),
		Conversations: NewConversations(db), DetailReads: NewDetailReads(db), TransferLists: NewTransferLists(db),
		Incentives: NewIncentives(db), Standings: NewStandings(db), Benefits: NewBenefits(db),
		OpenData: NewOpenData(db),
	}
}
