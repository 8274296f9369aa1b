package extract

// The relation rules: each finds one kind of relationship in one sentence and
// names itself on the evidence it gives.

import (
	"github.com/actorgraph/actorgraph/graph"
)

// edge is one relationship a rule found in one sentence, between resolved
// actors (resolver indexes).
type edge struct {
	Rel            graph.RelationType
	Source, Target int
	Sent           int
	Rule           string
	Score          float64  // the model's confidence; 0 for a rule's edge
	Features       []string // the features that weighed most for the model
}

// rule finds relationships in one sentence.
type rule struct {
	Name  string
	Apply func(c *clauseView) []edge
}

// rules are the relation rules, each named so that every edge can say which
// rule found it. The order does not matter: edges are merged by type and ends.
var rules = []rule{
	{"met-verb", metVerb},
	{"talks-with", talksWith},
	{"talks-between", talksBetween},
	{"met-phrase", metPhrase},
	{"met-attended", attendedBy},
	{"met-discussed", discussedWith},
	{"adviser-title", adviserTitle},
	{"adviser-to", adviserTo},
	{"adviser-as", adviserAs},
	{"adviser-verb", adviserVerb},
	{"criticized-verb", criticizedVerb},
	{"criticized-gerund", criticizedGerund},
	{"criticism-noun", criticismNoun},
	{"critical-remark", criticalRemark},
	{"quoted-critic", quotedCritic},
}
