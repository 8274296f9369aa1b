package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// rel is a relation by the names of its ends.
type rel struct {
	Type     graph.RelationType
	From, To string
}

func (r rel) String() string { return fmt.Sprintf("%s %s -> %s", r.Type, r.From, r.To) }

// key folds the direction of a symmetric relation.
func (r rel) key() rel {
	if r.Type.Symmetric() && r.To < r.From {
		r.From, r.To = r.To, r.From
	}
	return r
}

func met(a, b string) rel        { return rel{graph.MetWith, a, b} }
func advises(a, b string) rel    { return rel{graph.Advises, a, b} }
func criticized(a, b string) rel { return rel{graph.Criticized, a, b} }

// ruleTests are short made-up articles, each found by one rule (rule) or, when
// want is empty, a text that must give no relation at all. The names are
// invented and appear in no test article.
var ruleTests = []struct {
	rule string // the rule the relations must be found by; "" for no relation
	text string
	want []rel
}{
	// met-verb
	{"met-verb", "Anna Berg met Prime Minister Tomas Lind in Oslo on Monday.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Foreign Minister Karl Osterberg met with President Lena Haugen on Tuesday.", []rel{met("Karl Osterberg", "Lena Haugen")}},
	{"met-verb", "Karl Osterberg and Lena Haugen met in Geneva on Friday.", []rel{met("Karl Osterberg", "Lena Haugen")}},
	// Planned meetings are vetoed: the rule finds them, the decision drops them.
	{"", "Anna Berg and Tomas Lind will meet in Oslo.", nil},
	{"", "Anna Berg will meet Tomas Lind in Oslo next week.", nil},
	{"", "Anna Berg is set to meet Tomas Lind in the final.", nil},
	{"", "Anna Berg met Tomas Lind's cross with a low shot.", nil},
	{"", "Anna Berg and Tomas Lind met as students in Oslo.", nil},
	{"", "Anna Berg first met Tomas Lind in 1994.", nil},
	{"met-verb", "Anna Berg flew to Oslo to meet Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg meets Tomas Lind on Friday.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg hosted Tomas Lind at her residence.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg met Tomas Lind and Karl Osterberg in Oslo.", []rel{met("Anna Berg", "Tomas Lind"), met("Anna Berg", "Karl Osterberg")}},
	{"met-verb", "Anna Berg said she met Tomas Lind last year.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg met Tomas Lind after the Nordic Trade Council criticised both.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "The plan was not met.", nil},
	{"", "The plan was met with scepticism.", nil},
	{"", "Karl Osterberg did not meet Lena Haugen.", nil},
	{"", "Anna Berg never met Tomas Lind.", nil},
	{"", "Anna Berg met the Norwegian delegation.", nil},
	{"", "The minister met reporters in Oslo.", nil},
	{"", "Anna Berg's allies met in Oslo. Tomas Lind stayed home.", nil},
	{"met-verb", "Anna Berg met on Monday in Oslo with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg visited Tomas Lind at his home in Oslo.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg visited Norway on Monday.", []rel{met("Anna Berg", "Norway")}},
	{"met-verb", "A delegation led by Anna Berg met Tomas Lind in Oslo.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg visited troops in Iraq on Monday.", nil},
	{"", "Anna Berg will visit Tomas Lind next week.", nil},
	{"", "Anna Berg will meet the deadline.", nil},
	{"", "Anna Berg says she would be happy to meet Tomas Lind.", nil},
	{"", "Anna Berg offered to meet Tomas Lind in Oslo.", nil},
	{"met-verb", "Anna Berg met EU officials in Brussels.", []rel{met("Anna Berg", "European Union")}},
	{"met-verb", "US officials met Anna Berg in Oslo.", []rel{met("Anna Berg", "United States")}},
	{"", "Anna Berg met the US team in the final.", nil},
	{"met-verb", "Anna Berg was met by Tomas Lind at the airport.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "Anna Berg was visited by Tomas Lind in hospital.", []rel{met("Anna Berg", "Tomas Lind")}},
	// A person noun the tagger reads as a verb: the club and the country only describe the player.
	{"met-verb", "Arsenal and England defender Karl Osterberg met Tomas Lind on Monday.", []rel{met("Karl Osterberg", "Tomas Lind")}},
	{"met-verb", "Anna Berg is understood to have met Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-verb", "The latest delegation from the CBI met Tomas Lind on Wednesday.", []rel{met("Confederation of British Industry", "Tomas Lind")}},
	// Talks in an opening phrase, or in a relative clause about the subject.
	{"talks-with", "During talks with Tomas Lind, Anna Berg said the plan was sound.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "At a meeting with Tomas Lind on Monday, Anna Berg agreed to the plan.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "\"Rates must rise,\" said finance minister Anna Berg, after a meeting with her Danish counterpart Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg said after meeting Tomas Lind that she was unimpressed.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg spoke to reporters after his talks with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg will speak after a meeting with Tomas Lind.", nil},
	{"", "Conference side Exeter City will travel to Old Trafford to meet holders Manchester United in January.", nil},
	{"talks-with", "Leeds United held talks with Manchester United over the transfer.", []rel{met("Leeds United", "Manchester United")}},
	{"", "Shares in Halvor Industries fell after talks with Tomas Lind.", nil},
	{"talks-with", "Anna Berg, a Norwegian investment banker who has held talks with Tomas Lind over a bond sale, said the club needs cash.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg, who held talks with Tomas Lind last week, said the club needs cash.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg is reported to have held private talks with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "In an interview with the BBC, Anna Berg said the plan was sound.", nil},
	{"", "Karl Osterberg criticised the banker who held talks with Tomas Lind.", nil},

	// met-phrase
	{"met-phrase", "Anna Berg shook hands with Tomas Lind in Oslo.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-phrase", "Anna Berg was pictured shaking hands with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg refused to shake hands with Tomas Lind.", nil},
	{"met-phrase", "Anna Berg and Tomas Lind shook hands.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-phrase", "Anna Berg sat down with Tomas Lind on Monday.", []rel{met("Anna Berg", "Tomas Lind")}},

	// met-attended
	{"met-attended", "The meeting was attended by Anna Berg and Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-attended", "Anna Berg gave a dinner in Oslo, with Karl Osterberg and Tomas Lind also in attendance.",
		[]rel{met("Anna Berg", "Tomas Lind"), met("Anna Berg", "Karl Osterberg"), met("Karl Osterberg", "Tomas Lind")}},
	{"", "The concert was attended by Anna Berg and Tomas Lind.", nil},
	{"met-attended", "Anna Berg is attending the NATO summit in Riga.", []rel{met("Anna Berg", "NATO")}},
	{"", "Anna Berg will attend the NATO summit in Riga.", nil},

	// met-discussed
	{"met-discussed", "Anna Berg said she had discussed the budget with Tomas Lind on Saturday.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"met-discussed", "Anna Berg discussed this problem and other issues with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg will discuss the issue with Tomas Lind next week.", nil},
	{"", "Anna Berg discussed the plan with reporters.", nil},

	// talks-with
	{"talks-with", "Karl Osterberg held talks with Lena Haugen in Vienna.", []rel{met("Karl Osterberg", "Lena Haugen")}},
	{"talks-with", "Anna Berg arrived in Vienna for talks with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg is in talks with Tomas Lind about a merger.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Tomas Lind's talks with Anna Berg collapsed.", []rel{met("Tomas Lind", "Anna Berg")}},
	{"talks-with", "Anna Berg's meeting with Tomas Lind in Oslo went well.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg has held talks with the Nordic Trade Council.", []rel{met("Anna Berg", "Nordic Trade Council")}},
	{"", "Tomas Lind is facing criticism over his conduct in negotiations with Russia.", nil},
	{"talks-with", "Anna Berg has been criticised for her meeting with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg did not hold talks with Tomas Lind.", nil},
	{"talks-with", "Anna Berg told a meeting of the Nordic Trade Council that the plan was sound.", []rel{met("Anna Berg", "Nordic Trade Council")}},
	{"talks-with", "Anna Berg claimed Tomas Lind had been in talks with the Nordic Trade Council for some time.", []rel{met("Tomas Lind", "Nordic Trade Council")}},
	{"", "Anna Berg said a meeting of the Nordic Trade Council would decide.", nil},
	{"talks-with", "Anna Berg and Tomas Lind held talks in Oslo on Monday.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg and Tomas Lind held separate talks with the unions.", nil},
	{"talks-with", "Anna Berg held talks in Moscow on Monday with Tomas Lind.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg held talks with EU negotiators on Monday.", []rel{met("Anna Berg", "European Union")}},
	{"talks-with", "Nordic Steel Group said it was in talks with Baltic Mining Group.", []rel{met("Nordic Steel Group", "Baltic Mining Group")}},
	{"talks-with", "Anna Berg had dinner with Tomas Lind in Oslo.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg's visit to Tomas Lind went well.", []rel{met("Anna Berg", "Tomas Lind")}},
	{"talks-with", "Anna Berg is on a two-day visit to Norway.", []rel{met("Anna Berg", "Norway")}},
	{"", "Nordic Trade Council's visit to Baltic Sports Club ended in defeat.", nil},
	{"talks-with", "Foreign Secretary Karl Osterberg arrives in Norway for a special summit meeting.", []rel{met("Karl Osterberg", "Norway")}},
	{"", "Anna Berg arrived in Norway for a holiday.", nil},
	{"talks-with", "Anna Berg spoke at Monday's meeting of the Nordic Trade Council.", []rel{met("Anna Berg", "Nordic Trade Council")}},
	{"", "Anna Berg told the annual meeting of the Nordic Trade Council that prices would rise.", nil},

	// talks-between
	{"talks-between", "Oslo hosted talks between Karl Osterberg and Lena Haugen.", []rel{met("Karl Osterberg", "Lena Haugen")}},
	{"talks-between", "There were talks between Karl Osterberg and Lena Haugen in Vienna on Friday.", []rel{met("Karl Osterberg", "Lena Haugen")}},
	{"talks-between", "After talks between Karl Osterberg and Lena Haugen, a deal was signed.", []rel{met("Karl Osterberg", "Lena Haugen")}},

	// adviser-title
	{"adviser-title", "Lena Haugen's adviser Marta Kovac said the deal was close.", []rel{advises("Marta Kovac", "Lena Haugen")}},
	{"adviser-title", "Tomas Lind's aide Marta Kovac said the deal was close.", []rel{advises("Marta Kovac", "Tomas Lind")}},
	{"adviser-title", "Tomas Lind's aide Marta Kovac and envoy Karl Osterberg travelled to Paris.", []rel{advises("Marta Kovac", "Tomas Lind"), advises("Karl Osterberg", "Tomas Lind")}},
	{"", "Trade adviser Marta Kovac defended the plan.", nil},
	{"", "Tomas Lind, a veteran adviser, joined the board.", nil},
	{"adviser-title", "Tomas Lind's right-hand man Karl Osterberg resigned.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-title", "Tomas Lind's special envoy for Ukraine, Karl Osterberg, said the talks went well.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-title", "European Union ambassador to the WTO, Karl Osterberg, said the deal was close.", []rel{advises("Karl Osterberg", "European Union")}},
	{"adviser-title", "Tomas Lind's aide, Karl Osterberg, said the talks went well.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"", "The UN ambassador Karl Osterberg spoke.", nil},
	{"adviser-title", "Tomas Lind's special envoy for Ukraine Karl Osterberg met reporters.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-title", "European Union ambassador to the WTO Karl Osterberg spoke.", []rel{advises("Karl Osterberg", "European Union")}},
	{"", "US envoy to Norway Karl Osterberg spoke.", nil},
	{"adviser-title", "Halvor Industries Corp adviser Vestby Capital Group was also named.", []rel{advises("Vestby Capital Group", "Halvor Industries Corp")}},
	{"", "Halvor Industries Corp chairman Vestby Capital Group was also named.", nil},
	{"", "Karl Osterberg is ambassador to the United Nations.", nil},
	{"met-verb", "Tomas Lind met an adviser, Karl Osterberg, in Oslo.", []rel{met("Tomas Lind", "Karl Osterberg")}},

	// adviser-to
	{"adviser-to", "Marta Kovac, an adviser to Lena Haugen, said the deal was close.", []rel{advises("Marta Kovac", "Lena Haugen")}},
	{"adviser-to", "Anna Berg, a close aide to Tomas Lind, resigned.", []rel{advises("Anna Berg", "Tomas Lind")}},
	{"adviser-to", "Marta Kovac, Tomas Lind's chief adviser, resigned on Monday.", []rel{advises("Marta Kovac", "Tomas Lind")}},
	{"adviser-to", "Karl Osterberg, Tomas Lind's right-hand man, resigned.", []rel{advises("Karl Osterberg", "Tomas Lind")}},

	// adviser-as
	{"adviser-as", "Marta Kovac is acting as an adviser to Lena Haugen.", []rel{advises("Marta Kovac", "Lena Haugen")}},
	{"adviser-as", "Anna Berg is an adviser to Tomas Lind.", []rel{advises("Anna Berg", "Tomas Lind")}},
	{"adviser-as", "Marta Kovac has served as an envoy for Tomas Lind since May.", []rel{advises("Marta Kovac", "Tomas Lind")}},

	{"adviser-as", "Karl Osterberg served as Tomas Lind's adviser for two years.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-as", "Karl Osterberg was appointed special envoy to Tomas Lind.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-as", "Tomas Lind spoke on Monday. Anna Berg is seen as a key Lind lieutenant.", []rel{advises("Anna Berg", "Tomas Lind")}},
	{"adviser-as", "Tomas Lind appointed Anna Berg as his chief adviser.", []rel{advises("Anna Berg", "Tomas Lind")}},
	{"adviser-as", "Anna Berg was Tomas Lind's closest adviser.", []rel{advises("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg played as a lieutenant to captain Tomas Lind.", nil},
	{"", "Anna Berg is the sole Tomas Lind representative in the squad.", nil},

	// adviser-verb
	{"adviser-verb", "Karl Osterberg is returning to advise Tomas Lind on trade.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-verb", "Karl Osterberg advises Tomas Lind on trade policy.", []rel{advises("Karl Osterberg", "Tomas Lind")}},
	{"adviser-verb", "Marta Kovac, who advises Attorney-General Tomas Lind on security, resigned.", []rel{advises("Marta Kovac", "Tomas Lind")}},
	{"", "Anna Berg advised Tomas Lind to resign.", nil},
	{"", "Anna Berg did not advise Tomas Lind.", nil},

	// criticized-verb
	{"criticized-verb", "Anna Berg criticised Tomas Lind over the budget.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg criticized Tomas Lind and Karl Osterberg on Tuesday.", []rel{criticized("Anna Berg", "Tomas Lind"), criticized("Anna Berg", "Karl Osterberg")}},
	{"criticized-verb", "Anna Berg accused Tomas Lind of lying.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg accused Tomas Lind's government of lying.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg condemned Tomas Lind.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Tomas Lind was criticised by Anna Berg for the delay.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Tomas Lind was sharply criticised by Anna Berg.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Norwegian President Tomas Lind met Anna Berg on Monday. The Norwegian president later criticised Karl Osterberg.",
		[]rel{met("Tomas Lind", "Anna Berg"), criticized("Tomas Lind", "Karl Osterberg")}},
	{"criticized-verb", "Norwegian President Tomas Lind met Anna Berg on Monday. The president later criticised Karl Osterberg.",
		[]rel{met("Tomas Lind", "Anna Berg"), criticized("Tomas Lind", "Karl Osterberg")}},
	// A role resolves only to a person of the same country.
	{"met-verb", "Norwegian President Tomas Lind met Anna Berg on Monday. The Ukrainian president later criticised Karl Osterberg.",
		[]rel{met("Tomas Lind", "Anna Berg")}},
	{"met-verb", "Norwegian President Tomas Lind met Anna Berg on Monday. The Ukrainian leader later criticised Karl Osterberg.",
		[]rel{met("Tomas Lind", "Anna Berg")}},
	{"criticized-verb", "Anna Berg hit back at Tomas Lind on Monday.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg also poured cold water on Tomas Lind's promises of growth.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg rounded on Tomas Lind in the debate.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Tomas Lind came under fire from Anna Berg over the budget.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg did not hit back at Tomas Lind.", nil},
	// An organization after "at", "into" or "from" of criticism is no place.
	{"criticized-verb", "Anna Berg lashed out at the Nordic Trade Council over the budget.", []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	{"criticized-verb", "Anna Berg hit back at Nordic Trade Council claims on Monday.", []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	{"criticized-verb", "Tomas Lind came under fire from the Nordic Trade Council over the budget.", []rel{criticized("Nordic Trade Council", "Tomas Lind")}},
	{"", "Anna Berg was back at the Nordic Trade Council on Monday.", nil},
	{"", "Anna Berg turned on the lights for Tomas Lind.", nil},
	// The tagger takes "plans" after a name for a verb.
	{"criticized-verb", "Anna Berg also branded the Nordic Trade Council plans as a fantasy.", []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	// A participle with its agent: the clause's subject is criticised.
	{"criticized-verb", `Tomas Lind unveiled the budget on Monday, in a move branded "a retreat" by Anna Berg.`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", `The Nordic Trade Council dubbed Tomas Lind's new proposals an "abuse of power".`, []rel{criticized("Nordic Trade Council", "Tomas Lind")}},
	{"criticized-verb", `Anna Berg described the plans of Tomas Lind as "a shambles".`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", `Anna Berg described Tomas Lind's plans as "very productive".`, nil},
	{"criticized-verb", "Tomas Lind spoke first.\nAnna Berg rejected Mr Lind's comment on Monday.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg rejected Tomas Lind's offer.", nil},
	{"criticized-verb", "Anna Berg attacked the spending plans of Tomas Lind.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg attacked the supporters of Tomas Lind.", nil},
	{"criticized-verb", "Anna Berg questioned Tomas Lind's integrity.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg cast doubt on Tomas Lind's claims.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg questioned Tomas Lind's friends.", nil},
	{"", "Anna Berg asked why ministers attacked Tomas Lind's plans.", nil},
	{"", `Anna Berg has said - how can we accuse countries such as Norway of abuses?`, nil},
	{"", "Anna Berg reacted sharply to some supporters, who criticised Tomas Lind's performance.", nil},
	{"criticized-verb", "The board met Anna Berg, who criticised Tomas Lind's record.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg has accused Norway's top sprinters of lacking pride.", nil},
	{"", "Anna Berg had accused a Nordic Trade Council journalist of lying.", nil},
	{"criticized-verb", "Praising Tomas Lind's courage, Anna Berg criticised Karl Osterberg.", []rel{criticized("Anna Berg", "Karl Osterberg")}},
	{"criticized-verb", "Anna Berg and Tomas Lind criticised Karl Osterberg.", []rel{criticized("Anna Berg", "Karl Osterberg"), criticized("Tomas Lind", "Karl Osterberg")}},
	{"criticized-verb", "Tomas Lind came under attack from Anna Berg.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg took aim at Tomas Lind.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Norwegian President Tomas Lind met Anna Berg on Monday. Karl Osterberg accused the president and his deputy of lying.",
		[]rel{met("Tomas Lind", "Anna Berg"), criticized("Karl Osterberg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg has urged Tomas Lind to apologise for his comment.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-verb", "Anna Berg called on Tomas Lind to step down.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Anna Berg urged Tomas Lind to visit Oslo.", nil},
	{"", "The campaign was criticised for being thrown into defensive mode by Anna Berg.", nil},
	{"criticism-noun", "Tomas Lind filed a complaint against Anna Berg with the Nordic Trade Council.", []rel{criticized("Tomas Lind", "Anna Berg")}},
	{"criticized-gerund", "Letter row\nAnna Berg wrote to Tomas Lind on Tuesday accusing Karl Osterberg of lying.", []rel{criticized("Anna Berg", "Karl Osterberg")}},
	{"", "Tomas Lind was criticised for the delay.", nil},
	{"", "Tomas Lind was criticised by colleagues for the delay.", nil},
	{"", "Tomas Lind was attacked.", nil},
	{"", "Anna Berg has been criticised.", nil},
	{"", "Anna Berg attacked the budget.", nil},
	{"", "Tomas Lind praised Anna Berg.", nil},
	{"", "Anna Berg has not attacked Tomas Lind.", nil},
	// Bug, not fixed yet: criticizedVerb does not check negation (metVerb does).
	{"", "Anna Berg did not criticise Tomas Lind.", nil},
	{"", "Tomas Lind was not criticised by Anna Berg.", nil},

	// criticized-gerund
	{"criticized-gerund", "Anna Berg has been accused of criticising Tomas Lind.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticized-gerund", "Karl Osterberg was accused of blaming Tomas Lind.", []rel{criticized("Karl Osterberg", "Tomas Lind")}},
	{"", "Nordic Trade Council, stripped of attacking talent such as Tomas Lind, lost.", nil},
	{"criticized-gerund", "Anna Berg opened the debate with a speech criticising Tomas Lind's record.", []rel{criticized("Anna Berg", "Tomas Lind")}},

	// criticism-noun
	{"criticism-noun", "Anna Berg launched a fierce attack on Tomas Lind.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticism-noun", "Anna Berg's attack on Tomas Lind surprised many.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticism-noun", "Criticism of Tomas Lind by Anna Berg grew.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "The plan was met with criticism from Anna Berg and Tomas Lind.", nil},
	{"criticism-noun", "Anna Berg took a swipe at Tomas Lind on Monday.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"criticism-noun", "Anna Berg has filed complaints against Tomas Lind and his deputy Karl Osterberg.", []rel{criticized("Anna Berg", "Tomas Lind"), criticized("Anna Berg", "Karl Osterberg")}},
	{"criticism-noun", "Anna Berg is taking legal action against Tomas Lind over the article.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "A senior Tory MP has criticised Tomas Lind's \"lackadaisical\" approach.", nil},
	{"", "The web address of the fake site could be close enough to the official one to confuse some people keen to donate. Patricia Velde, spokeswoman for the Disaster Emergency Committee said it was aware of the site and had contacted the Computer Crime Unit at Scotland Yard to help get it shut down.", nil},
	{"criticized-verb", "Tomas Lind criticised \"extravagant\" Tory promises on policing.", []rel{criticized("Tomas Lind", "Conservative Party")}},
	{"criticized-verb", "Tomas Lind called the Tory plans \"dangerous and irresponsible\".", []rel{criticized("Tomas Lind", "Conservative Party")}},
	{"criticized-verb", "A Tory spokesman criticised Tomas Lind's \"lackadaisical\" approach.", []rel{criticized("Conservative Party", "Tomas Lind")}},
	{"", "The Halvor Federation considered legal action against Tomas Lind.", nil},
	{"", "Tomas Lind, legal counsel to Halvor Industries, said the firm would appeal.", nil},
	{"criticism-noun", "The Halvor Commission filed civil fraud charges in a Boston federal court against Tomas Lind.", []rel{criticized("Halvor Commission", "Tomas Lind")}},
	{"", "Anna Berg filed charges in Oslo, and against all advice Tomas Lind resigned.", nil},
	{"", "Anna Berg said the Nordic Trade Council may take action against Tomas Lind.", nil},
	{"", "Anna Berg backed military action against Tomas Lind.", nil},
	{"", "Anna Berg said the Nordic Trade Council intends to take action against Tomas Lind.", nil},
	{"", "Anna Berg did not file a lawsuit against Tomas Lind.", nil},

	// critical-remark
	{"critical-remark", `"This is a disgraceful and dishonest plan by Tomas Lind," said Anna Berg.`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	// Fixed bug (6d29a65 to 9ad7332): the speaker was any person within five
	// tokens after the name that follows "said", here Tomas Lind.
	{"critical-remark", `"The proposal is reckless," said Anna Berg of the plan by Tomas Lind.`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", "Anna Berg said Tomas Lind's plan was reckless and dishonest.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", "Tomas Lind's budget drew criticism from the opposition.\n\"It is clear that Tomas Lind has failed,\" Anna Berg wrote.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", `"This is typical of Nordic Trade Council hypocrisy," said Anna Berg.`, []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	// The party in the speaker's title, after a tag slip ("shadow/VBD").
	{"critical-remark", `"This is typical of Nordic Trade Council hypocrisy," said Tory shadow trade secretary Anna Berg.`, []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	{"critical-remark", "Karl Osterberg said Tomas Lind's remarks were inappropriate and insulting.", []rel{criticized("Karl Osterberg", "Tomas Lind")}},
	{"", `Nordic Trade Council spokeswoman Anna Berg said: "The Nordic Trade Council feels this money is misdirected."`, nil},
	{"", `Anna Berg said: "Comparing Tomas Lind to a dictator is crass and ignorant."`, nil},
	// The quote is Anna Berg's, not aimed at her.
	{"criticized-verb", `Tomas Lind cut taxes, in a move branded "humiliating" by Anna Berg.`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", "Tomas Lind launched his campaign on Monday.\n" + `But a Tory spokeswoman said: "This campaign was a big misjudgement by Tomas Lind's team."`, []rel{criticized("Conservative Party", "Tomas Lind")}},
	{"", `For the Nordic Trade Council, Anna Berg said the budget had failed.`, nil},
	{"", `Anna Berg said: "Our approach will end the scandal of Tomas Lind's cold homes."`, nil},
	{"", `Anna Berg said Tomas Lind would avoid the old parties' lies.`, nil},
	{"", `Anna Berg said that "the best hope of Tomas Lind lies in the north".`, nil},
	{"critical-remark", "Anna Berg and Karl Osterberg said Tomas Lind's pledges were worthless.", []rel{criticized("Anna Berg", "Tomas Lind"), criticized("Karl Osterberg", "Tomas Lind")}},
	{"critical-remark", `Anna Berg and Karl Osterberg both say Tomas Lind's pledges are "worthless".`, []rel{criticized("Anna Berg", "Tomas Lind"), criticized("Karl Osterberg", "Tomas Lind")}},
	{"critical-remark", "Tomas Lind's tax plans would be a disaster, argued Anna Berg.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", "Anna Berg said Tomas Lind's policy was undermining the peace talks.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	// A name before the speaker with only a comma between speaks with him only when "and" joins them.
	{"critical-remark", `The plan by Anna Berg was a disgrace for Tomas Lind, Karl Osterberg has said.`, []rel{criticized("Karl Osterberg", "Anna Berg")}},
	{"critical-remark", `Anna Berg said his Nordic Trade Council counterpart Tomas Lind was "a disgrace".`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", `Anna Berg said: "The Nordic Trade Council is in desperate need of cash."`, nil},
	{"", `"Tomas Lind was talking about adults and irresponsible drinks promotions," Anna Berg said.`, nil},
	{"", "Anna Berg suggested Tomas Lind's associates had launched a smear campaign.", nil},
	{"", `Anna Berg said: "After the failure of the first sale, the Nordic Trade Council and Tomas Lind have worked hard."`, nil},
	{"critical-remark", "Tax row\n" + `Anna Berg said: "Families are paying the Nordic Trade Council's unfair taxes."`, []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	{"", "Anna Berg said Tomas Lind had complained he had inherited a giant mess.", nil},
	{"critical-remark", "Anna Berg said the Nordic Trade Council figures did not add up.", []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	{"critical-remark", `Anna Berg has said voters have a "fundamental lack of trust" of Tomas Lind.`, []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", "The charge was denied by Anna Berg, who said Tomas Lind's claims were ludicrous.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"critical-remark", "Anna Berg says the Nordic Trade Council should reverse the decision to ban her.", []rel{criticized("Anna Berg", "Nordic Trade Council")}},
	{"", "Anna Berg says the Nordic Trade Council should visit Oslo.", nil},
	{"", "Karl Osterberg spoke on Monday.\n" + `The Tomas Lind "mongrel" attack, he says, shows the Nordic Trade Council getting the tone wrong.`, nil},
	{"", `"The plan is reckless," said Anna Berg.`, nil},
	{"", `"We will meet Tomas Lind soon," said Anna Berg.`, nil},
	{"", "Anna Berg told Tomas Lind the plan was reckless.", nil},
	{"", `Anna Berg praised Tomas Lind. "He is a fine man," she said.`, nil},

	// quoted-critic
	{"quoted-critic", "Tomas Lind's budget plan drew criticism on Monday.\n\"It is clear that Tomas Lind favours the banks,\" Anna Berg wrote.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"quoted-critic", "The budget by Tomas Lind drew criticism on Monday.\n\"It is clear that Tomas Lind favours the banks,\" Anna Berg wrote.", []rel{criticized("Anna Berg", "Tomas Lind")}},
	{"", "Tomas Lind's budget plan drew praise on Monday.\n\"It is clear that Tomas Lind will present it in May,\" Anna Berg wrote.", nil},
}

// relationsByName returns g's relations by the names of their ends, and the
// rules of their evidence.
func relationsByName(g *graph.Graph) map[rel][]string {
	out := map[rel][]string{}
	name := func(id string) string {
		if e := g.Entity(id); e != nil {
			return e.Name
		}
		return id
	}
	for _, r := range g.Relations {
		k := rel{r.Type, name(r.Source), name(r.Target)}.key()
		for _, ev := range r.Evidence {
			out[k] = append(out[k], ev.Rule)
		}
	}
	return out
}

func TestRules(t *testing.T) {
	x := extractor(t)
	for _, tt := range ruleTests {
		name := tt.rule
		if name == "" {
			name = "none"
		}
		t.Run(name+"/"+tt.text, func(t *testing.T) {
			g, err := x.Extract("test", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got := relationsByName(g)
			var gotList, wantList []string
			for r := range got {
				gotList = append(gotList, r.String())
			}
			want := map[rel]bool{}
			for _, r := range tt.want {
				want[r.key()] = true
				wantList = append(wantList, r.key().String())
			}
			sort.Strings(gotList)
			sort.Strings(wantList)
			if strings.Join(gotList, "\n") != strings.Join(wantList, "\n") {
				t.Fatalf("relations of %q\n got: %q\nwant: %q", tt.text, gotList, wantList)
			}
			if tt.rule == "" {
				return
			}
			// At least one relation, and every relation of the rule's type, is
			// found by the rule (a second sentence may bring another rule).
			found := false
			for r, rules := range got {
				has := false
				for _, ru := range rules {
					has = has || ru == tt.rule
				}
				found = found || has
				if !has && r.Type == ruleType(t, tt.rule) {
					t.Errorf("%s found by %q, want %q", r, rules, tt.rule)
				}
			}
			if !found {
				t.Errorf("no relation found by %q: %v", tt.rule, got)
			}
		})
	}
}

// ruleType is the relation type a rule finds.
func ruleType(t *testing.T, rule string) graph.RelationType {
	switch {
	case strings.HasPrefix(rule, "met") || strings.HasPrefix(rule, "talks"):
		return graph.MetWith
	case strings.HasPrefix(rule, "adviser"):
		return graph.Advises
	case strings.HasPrefix(rule, "critic") || rule == "quoted-critic":
		return graph.Criticized
	}
	t.Fatalf("no relation type known for rule %q", rule)
	return ""
}

// TestEveryRuleTested fails when a rule is added without a positive case in
// ruleTests, or a case names a rule that does not exist.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tt := range ruleTests {
		if tt.rule != "" && len(tt.want) > 0 {
			tested[tt.rule] = true
		}
	}
	names := map[string]bool{}
	for _, r := range rules {
		if names[r.Name] {
			t.Errorf("rule %q twice in rules", r.Name)
		}
		names[r.Name] = true
		if r.Apply == nil {
			t.Errorf("rule %q has no Apply", r.Name)
		}
		if !tested[r.Name] {
			t.Errorf("rule %q has no positive case in ruleTests", r.Name)
		}
		ruleType(t, r.Name)
	}
	for name := range tested {
		if !names[name] {
			t.Errorf("ruleTests names rule %q, which is not in rules", name)
		}
	}
}

// TestMinConfidence: a relationship only the model finds ("said the meeting
// with": the meeting took place) comes and goes with the
// confidence asked for; a rule's find does not depend on it.
func TestMinConfidence(t *testing.T) {
	byModel := "Anna Berg said the meeting with Tomas Lind was useful."
	byRule := "Anna Berg met Tomas Lind in Oslo on Monday."
	tests := []struct {
		text string
		min  float64
		want int
	}{
		{byModel, 0.2, 1},
		{byModel, 0.99, 0},
		{byRule, 0.2, 1},
		{byRule, 0.99, 1},
	}
	for _, tt := range tests {
		x, err := New(WithMinConfidence(tt.min))
		if err != nil {
			t.Fatal(err)
		}
		g, err := x.Extract("test", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Relations) != tt.want {
			t.Errorf("%q at %.2f: %d relationships, want %d", tt.text, tt.min, len(g.Relations), tt.want)
		}
	}
}
