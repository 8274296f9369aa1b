package extract

import (
	"fmt"
	"slices"
	"testing"
)

// TestActors checks which actors short texts give: want must be among them
// (as "Type:Name"), and none of absent.
func TestActors(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		name   string
		text   string
		want   []string
		absent []string
	}{
		{"peer by style", "The bill was drafted by Lord Harwood. Lord Harwood said it was fair.",
			[]string{"Person:Lord Harwood"}, []string{"Person:Harwood"}},
		{"royal by style", "The plans of Princess Alys were announced on Monday.",
			[]string{"Person:Princess Alys"}, nil},
		{"royal by style is not a commoner of that first name", "Prince Tomas met Tomas Lind on Monday. Later Prince Tomas spoke.",
			[]string{"Person:Prince Tomas", "Person:Tomas Lind"}, nil},
		{"middle initial with a full stop", `"It is over," said Karl J. Osterberg, a senior fellow.`,
			[]string{"Person:Karl J. Osterberg"}, []string{"Person:Karl J"}},
		{"initial and surname in a team list", "Then Ben Osterberg scored twice. Replacements: T Rinaldi, B Osterberg, P Vesk.",
			[]string{"Person:Ben Osterberg"}, []string{"Person:B Osterberg"}},
		{"initial and surname before the full name", "Team: B Osterberg, P Vesk. Then Ben Osterberg scored twice.",
			[]string{"Person:Ben Osterberg"}, []string{"Person:B Osterberg"}},
		{"an initial that fits two people joins neither", "Then Ben Osterberg and Bill Osterberg scored. Team: B Osterberg, P Vesk.",
			[]string{"Person:Ben Osterberg", "Person:Bill Osterberg", "Person:B Osterberg"}, nil},
		{"teams named by their country in a match report", "Wales beat France 24-18 in Cardiff. The France coach said his side lost the game in the second half, and the win puts Wales top of the league.",
			[]string{"Organization:Wales", "Organization:France"}, []string{"Country:France"}},
		{"a club named by its town", "Leicester won the match 21-9. The defeat leaves Bristol bottom, and the Bristol coach faces the cup final with his season over.",
			[]string{"Organization:Bristol", "Organization:Leicester"}, nil},
		{"a country is no team outside sport", "France beat Germany to the contract. France won the bid for the plant.",
			[]string{"Country:France", "Country:Germany"}, []string{"Organization:France"}},
		{"a player's country is no team", "Henman will face France's Cyril Saulnier in the second round. The winner meets the champion in the final of the tournament after the match.",
			[]string{"Country:France"}, []string{"Organization:France"}},
		{"peer with full name keeps it", "Peter Harwood, now Lord Harwood, said the bill was fair.",
			[]string{"Person:Peter Harwood"}, []string{"Person:Lord Harwood"}},
		{"peer of a place", "The amendment came from Lord Harwood of Tilbury.",
			[]string{"Person:Lord Harwood of Tilbury"}, nil},
		{"occupation noun before an unfamiliar name", "The race was won by sprinter Oduya Kamaru on Sunday.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"given name from the census lists", "The prize went to Kristy Vandermolen last year.",
			[]string{"Person:Kristy Vandermolen"}, nil},
		{"name, who", "The title went to Oduya Kamaru, who trains in Eldoret.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"name, age", "Oduya Kamaru, 24, won the race.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"name in a table with a country", "The seeds:\n\n1 Oduya Kamaru (Kenya)\n\n2 Tavo Rinaldi (Italy)",
			[]string{"Person:Oduya Kamaru", "Person:Tavo Rinaldi"}, nil},
		{"apposition with an occupation", "Oduya Kamaru, the former champion, said he would race again.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"occupation word capitalised before a given name", "Star Kristy Vandermolen had to pull out.",
			[]string{"Person:Kristy Vandermolen"}, []string{"Person:Star Kristy Vandermolen"}},
		{"work, whose", "Marlin Reef, whose cast includes many stars, sold well.",
			nil, []string{"Person:Marlin Reef"}},
		{"ampersand joins one organization", "The deal was handled by Fenwick & Rault, the lawyers said.",
			[]string{"Organization:Fenwick & Rault"}, nil},
		{"ampersand name then and", "The group owns Fenwick & Rault and Calder Holdings.",
			[]string{"Organization:Fenwick & Rault", "Organization:Calder Holdings"}, []string{"Organization:Fenwick & Rault and Calder Holdings"}},
		{"aside that calls it a firm", "Investors fled Torvanta, the country's biggest software firm.",
			[]string{"Organization:Torvanta"}, []string{"Person:Torvanta"}},
		{"shares in", "Shares in Torvanta rose 5% on Monday.",
			[]string{"Organization:Torvanta"}, nil},
		{"company possessive", "Torvanta's profits rose 5% last year.",
			[]string{"Organization:Torvanta"}, nil},
		{"economist at", "\"Growth is slowing,\" said Anna Berg, an economist at Brenquist Kessing.",
			[]string{"Organization:Brenquist Kessing", "Person:Anna Berg"}, nil},
		{"club before a role", "Wexcombe coach Tomas Lind said the side had played well.",
			[]string{"Organization:Wexcombe", "Person:Tomas Lind"}, nil},
		{"club possessive before a player", "Wexcombe's Tomas Lind scored twice.",
			[]string{"Organization:Wexcombe", "Person:Tomas Lind"}, nil},
		{"word before a role is no club", "The health spokesman was asked. Health spokesman Tomas Lind said no.",
			[]string{"Person:Tomas Lind"}, []string{"Organization:Health"}},
		{"listed with a known organization", "Sales fell at Tesco, Asda, Halvarsen and Morbeck.",
			[]string{"Organization:Halvarsen", "Organization:Morbeck"}, nil},
		{"listed with fewer organizations than names", "The maker of Halvarsen, Morbeck and Trindle is Tesco.",
			nil, []string{"Organization:Halvarsen", "Organization:Morbeck"}},
		{"listed with a person is no organization", "Tesco and Tomas Lind were named.",
			[]string{"Person:Tomas Lind"}, []string{"Organization:Tomas Lind"}},
		{"regiment", "Soldiers of the Royal Wessex Fusiliers returned home.",
			[]string{"Organization:Royal Wessex Fusiliers"}, nil},
		{"person of an organization", "The shares fell, said Tomas Lind of Halvard Securities.",
			[]string{"Person:Tomas Lind", "Organization:Halvard Securities"}, []string{"Organization:Tomas Lind of Halvard Securities"}},
		{"head written in lower case", "Inspectors from the Northern Rowing committee arrived on Monday.",
			[]string{"Organization:Northern Rowing Committee"}, []string{"Organization:Northern Rowing"}},
		{"head in lower case after a known name", "Members of the Labour party met on Monday.",
			[]string{"Organization:Labour Party"}, nil},
		{"paper whose name begins with The", "Tomas Lind told The Times he would go. He also wrote in the Independent.",
			[]string{"Organization:The Times", "Organization:The Independent"}, nil},
		{"The before a longer name is no paper", "Tomas Lind wrote to the Independent Police Complaints Commission.",
			[]string{"Organization:Independent Police Complaints Commission"}, []string{"Organization:The Independent"}},
		{"day that begins a paper's name", "The claim was printed by the Sunday Telegraph on Friday.",
			[]string{"Organization:Sunday Telegraph"}, nil},
		{"aside with a dash, given name first", "Companies like Adam Halvorsen - the Danish arm of a US group - cut jobs.",
			[]string{"Organization:Adam Halvorsen"}, []string{"Person:Adam Halvorsen"}},
		{"aside that ends on the party's role is a person", "Tomas Lind, the party's health spokesman, said no.",
			[]string{"Person:Tomas Lind"}, []string{"Organization:Tomas Lind"}},
		{"papers including", "Newspapers including El Morvan reported the riots. El Morvan said ten died.",
			[]string{"Organization:El Morvan"}, []string{"Person:El Morvan"}},
		{"musical tagged as an adjective", "The musical Sweet Nelly closed. Sweet Nelly tells the story of a dancer.",
			nil, []string{"Person:Sweet Nelly"}},
		{"general election is no person", "Unions could embarrass the government before the General Election.",
			nil, []string{"Person:Election"}},
		{"hospital", "Doctors at the Al-Qadir Hospital said twelve were hurt.",
			[]string{"Organization:Al-Qadir Hospital"}, []string{"Person:Al-Qadir Hospital"}},
		{"a work named by a first name is not the person", "Tomas Lind met voters. The musical Tomas! opened in May.",
			[]string{"Person:Tomas Lind"}, nil},
		{"listed with people named in full", "The cast includes Anna Berg, Oduya Kamaru and Tomas Lind.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"listed works are no people", "Hits such as Anna Berg and Calendar Walks sold well; the calendar sold too.",
			nil, []string{"Person:Calendar Walks"}},
		{"an aside is no list", "In his book, Lawless Harbour, Tomas Lind argues the case.",
			nil, []string{"Person:Lawless Harbour"}},
		{"demonym before a name", "The accounts of Iraqi Salim Paxo were widely read.",
			[]string{"Person:Salim Paxo"}, nil},
		{"a month as a surname", "Theresa May, the shadow minister, said no. The vote is in May 2005.",
			[]string{"Person:Theresa May"}, nil},
		{"head of, and", "The Department of Roads and Bridges said no.",
			[]string{"Organization:Department of Roads and Bridges"}, nil},
		{"head for", "Grants came from the Foundation for Rural Housing on Monday.",
			[]string{"Organization:Foundation for Rural Housing"}, nil},
		{"said it", "Torvanta said it would appeal against the ruling.",
			[]string{"Organization:Torvanta"}, []string{"Person:Torvanta"}},
		{"club head", "The goal gave Wexcombe Rovers a 2-1 win.",
			[]string{"Organization:Wexcombe Rovers"}, nil},
		{"list of three names with commas", "Oduya Kamaru, Anna Berg, Tavo Rinaldo and the group Vexa are the finalists.",
			[]string{"Person:Oduya Kamaru", "Person:Tavo Rinaldo"}, nil},
		{"organization at the start of a sentence", "Family Housing Association chief executive Anna Berg said no. The family was told.",
			[]string{"Organization:Family Housing Association", "Person:Anna Berg"}, []string{"Organization:Housing Association"}},
		{"occupation word before a surname", "Goalscorer Kamaru was also at fault, said Anna Berg.",
			nil, []string{"Person:Goalscorer Kamaru"}},
		{"a title alone is no name", "But the outgoing European Commissioner said his comments needed context.",
			nil, []string{"Person:European Commissioner"}},
		{"a committee and its chairman in one run", "Chairman of the Rural Affairs Committee Peter Halvorsen MP said it was wrong.",
			[]string{"Organization:Rural Affairs Committee", "Person:Peter Halvorsen"}, nil},
		{"two bodies joined by and", "On Monday the Council of Lenders, British Lenders Association and Rural Societies Association all said lending slowed.",
			[]string{"Organization:British Lenders Association", "Organization:Rural Societies Association"}, nil},
		{"letters of a term in brackets", "Gadgets such as digital video recorders (DVR) sold well. DVR sales rose.",
			nil, []string{"Organization:DVR"}},
		{"acronym that spells the name", "The British Recording Guild (BRG) worked on the case for two years.",
			[]string{"Organization:British Recording Guild"}, nil},
		{"acronym that spells a foreign name", "Deccan bought planes from Avions de Vol Regional (AVR) last year.",
			[]string{"Organization:Avions de Vol Regional"}, []string{"Person:Avions de Vol Regional"}},
		{"particle after a hyphen", "Dutch minister Clara Ross-van Dijk said: \"He was great.\"",
			[]string{"Person:Clara Ross-van Dijk"}, []string{"Person:Clara"}},
		{"a player of a club", "Tomas Lind and Halvar Kessing of Wexcombe Rovers were suspended.",
			[]string{"Person:Halvar Kessing", "Organization:Wexcombe Rovers"}, []string{"Organization:Halvar Kessing of Wexcombe Rovers"}},
		{"saint inside a name", "She is a professor of the University of St Edmunds.",
			[]string{"Organization:University of St Edmunds"}, []string{"Organization:University of"}},
		{"acronym glossed in lower case", "He was a VJ (video jockey) before. VJ work paid well.",
			nil, []string{"Organization:VJ"}},
		{"no name begins with and", "The team, from the Department of Health and State College of Vermont, reported it.",
			[]string{"Organization:State College of Vermont"}, []string{"Organization:and State College of Vermont"}},
		{"a lexicon name inside a longer one", "said Anna Berg, chief economist at the Commonwealth Bank of Norland.",
			[]string{"Organization:Commonwealth Bank of Norland"}, []string{"Organization:Bank of Norland"}},
		{"a band member before a name is a person", "The dispute with drummer Tavo Rinaldo was settled.",
			[]string{"Person:Tavo Rinaldo"}, []string{"Organization:Tavo Rinaldo"}},
		{"a duo of players", "Wexcombe duo Tomas Lind and Anna Berg were named.",
			[]string{"Person:Tomas Lind", "Person:Anna Berg"}, []string{"Organization:Tomas Lind"}},
		{"a party in lower case is no name", "Pelous is also in the Northern party for the match.",
			nil, []string{"Organization:Northern Party"}},
		{"a dance company", "Only two dancers of the Norland Ballet are British, said Anna Berg.",
			[]string{"Organization:Norland Ballet"}, []string{"Person:Norland Ballet"}},
		{"a fund manager after its role noun", "said Anna Berg, an analyst at fund manager Halvard Asset Advisors.",
			[]string{"Organization:Halvard Asset Advisors"}, []string{"Person:Halvard Asset Advisors"}},
		{"an airport is a place", "The plane landed at Halvard International Airport, Anna Berg said.",
			nil, []string{"Person:Halvard International Airport", "Organization:Halvard International Airport"}},
		{"a modifier alone is no role", "Elections in other former Norland Republics were held. The former Olympian champion has no case.",
			nil, []string{"Person:Norland Republics", "Person:Olympian"}},
		{"a known name that begins with a title", "Workers at General Motors Europe and General Dynamics went on strike.",
			[]string{"Organization:General Motors", "Organization:General Dynamics"}, []string{"Organization:Motors Europe", "Person:Dynamics"}},
		{"a number in a group's name", "Environmental group Roads 2010 said the freeze was wrong. The pressure group Mothers 4 Fairness agreed.",
			[]string{"Organization:Roads 2010", "Organization:Mothers 4 Fairness"}, []string{"Organization:Roads"}},
		{"a seat before MP is no person", "The Norland Kelvin MP, who left Labour, said so. Last week the Wexcombe MP said no.",
			nil, []string{"Person:Kelvin", "Person:Wexcombe"}},
		{"hyphenated given name", "Pak Sung-jin met Choe Ryong-hae on Monday. Choe said the talks went well.",
			[]string{"Person:Pak Sung-jin", "Person:Choe Ryong-hae"}, []string{"Person:Choe", "Person:Pak"}},
		{"hyphenated patronymic inside a name", "The country is led by its president Arman Berik-uly Tokayev.",
			[]string{"Person:Arman Berik-uly Tokayev"}, []string{"Person:Arman"}},
		{"a hyphenated compound is no name", "They went on tour together, Scooby Doo-style. The Pop Idol-style show ended.",
			nil, []string{"Person:Scooby Doo-style", "Person:Pop Idol-style"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := x.Extract("test", []byte("Headline\n\n"+tc.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range g.Entities {
				got = append(got, fmt.Sprintf("%s:%s", e.Type, e.Name))
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: no %s in %v", tc.text, w, got)
				}
			}
			for _, a := range tc.absent {
				if slices.Contains(got, a) {
					t.Errorf("%q: %s in %v", tc.text, a, got)
				}
			}
		})
	}
}
