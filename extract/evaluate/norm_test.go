package evaluate

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// normInputs are names that exercise every step of score.py's norm; what
// Python makes of them is kept in testdata/norm.golden.
var normInputs = []string{
	"",
	"Vladimir Putin",
	"  Vladimir   Putin  ",
	"Putin's",
	"Putin’s",
	"Putin's plan",
	"Putin'sx",
	"Putin's_x",
	"Putin'sé",
	"Putin'S",
	"Putin's's",
	"'s",
	"O'Donoghue",
	"Gary O'Donoghue",
	"U.S.",
	"US",
	"The U.S.",
	"the",
	"The",
	"Theresa May",
	"The The",
	"THE WHITE HOUSE",
	"Zelenskyy",
	"Volodymyr Zelens'kyy",
	"Erdoğan",
	"Recep Tayyip Erdoğan",
	"Sánchez",
	"Ångström",
	"İstanbul",
	"Straße",
	"ﬁnance",
	"Ｔｒｕｍｐ",
	"Wal-Mart",
	"AT&T",
	"No 10",
	"10 Downing Street",
	"Mr. Bush",
	"Lech Wałęsa",
	"Øresund",
	"Москва",
	"北京",
	"²nd",
	"Rep. Don Bacon (R-Neb.)",
	"\tTabs\nand newlines",
	"café's",
	"naïve's",
	"The’s",
}

func TestNormMatchesScorePy(t *testing.T) {
	path := filepath.Join("testdata", "norm.golden")
	if *update {
		in, err := json.Marshal(normInputs)
		if err != nil {
			t.Fatal(err)
		}
		// Run score.py's own norm on the inputs.
		prog := `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
names = json.load(sys.stdin)
json.dump([[n, score.norm(n)] for n in names], sys.stdout, indent=1, ensure_ascii=False)
print()`
		cmd := exec.Command("python3", "-c", prog, scorePy(t))
		cmd.Stdin = bytes.NewReader(in)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("python3: %v", err)
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pairs [][2]string
	readJSON(t, path, &pairs)
	if len(pairs) != len(normInputs) {
		t.Fatalf("%s has %d names, the test %d: run go test -update", path, len(pairs), len(normInputs))
	}
	for _, p := range pairs {
		if got := normName(p[0]); got != p[1] {
			t.Errorf("normName(%q) = %q, score.py's norm gives %q", p[0], got, p[1])
		}
	}
}
