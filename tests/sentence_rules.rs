//! The rules of sentence segmentation: golden cases (the English golden rules of the
//! Pragmatic Segmenter, read from `../shared/eval` and skipped with a message when
//! absent, and our own cases for other languages in `tests/data/segmentation/*.jsonl`),
//! then the rules those cases led to: trimmed spans, the hard cap, abbreviations,
//! wrapped prose and quotes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod eval_data;

use salience::{sentence_spans, split_sentences_in, MAX_SENTENCE_BYTES};
use salience::{split_sentences, Language};

/// A minimal JSON value: enough for `{"id", "text", "sentences", "note"}` lines.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    fn strings(&self) -> Vec<String> {
        match self {
            Json::Array(items) => items
                .iter()
                .map(|v| v.as_str().expect("string").to_owned())
                .collect(),
            _ => panic!("expected an array"),
        }
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl Parser<'_> {
    fn parse(line: &str) -> Json {
        let mut p = Parser {
            chars: line.chars().peekable(),
        };
        let v = p.value();
        p.ws();
        assert!(p.chars.next().is_none(), "trailing characters in {line}");
        v
    }
    fn ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.chars.next();
        }
    }
    fn expect(&mut self, want: char) {
        self.ws();
        assert_eq!(self.chars.next(), Some(want));
    }
    fn value(&mut self) -> Json {
        self.ws();
        match self.chars.peek().copied() {
            Some('{') => {
                self.chars.next();
                let mut fields = Vec::new();
                self.ws();
                if self.chars.peek() == Some(&'}') {
                    self.chars.next();
                    return Json::Object(fields);
                }
                loop {
                    self.ws();
                    let Json::Str(key) = self.value() else {
                        panic!("object key")
                    };
                    self.expect(':');
                    fields.push((key, self.value()));
                    self.ws();
                    match self.chars.next() {
                        Some(',') => continue,
                        Some('}') => return Json::Object(fields),
                        other => panic!("unexpected {other:?} in object"),
                    }
                }
            }
            Some('[') => {
                self.chars.next();
                let mut items = Vec::new();
                self.ws();
                if self.chars.peek() == Some(&']') {
                    self.chars.next();
                    return Json::Array(items);
                }
                loop {
                    items.push(self.value());
                    self.ws();
                    match self.chars.next() {
                        Some(',') => continue,
                        Some(']') => return Json::Array(items),
                        other => panic!("unexpected {other:?} in array"),
                    }
                }
            }
            Some('"') => {
                self.chars.next();
                Json::Str(self.string())
            }
            Some('t') => self.word("true", Json::Bool(true)),
            Some('f') => self.word("false", Json::Bool(false)),
            Some('n') => self.word("null", Json::Null),
            _ => {
                let mut s = String::new();
                while let Some(&c) = self.chars.peek() {
                    if c.is_ascii_digit() || "+-.eE".contains(c) {
                        s.push(c);
                        self.chars.next();
                    } else {
                        break;
                    }
                }
                Json::Number(s.parse().expect("number"))
            }
        }
    }
    fn word(&mut self, word: &str, value: Json) -> Json {
        for want in word.chars() {
            assert_eq!(self.chars.next(), Some(want));
        }
        value
    }
    fn hex4(&mut self) -> u32 {
        let s: String = (0..4)
            .map(|_| self.chars.next().expect("hex digit"))
            .collect();
        u32::from_str_radix(&s, 16).expect("hex")
    }
    fn string(&mut self) -> String {
        let mut out = String::new();
        loop {
            match self.chars.next().expect("unterminated string") {
                '"' => return out,
                '\\' => match self.chars.next().expect("escape") {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' => {
                        let hi = self.hex4();
                        let code = if (0xD800..0xDC00).contains(&hi) {
                            assert_eq!(self.chars.next(), Some('\\'));
                            assert_eq!(self.chars.next(), Some('u'));
                            let lo = self.hex4();
                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                        } else {
                            hi
                        };
                        out.push(char::from_u32(code).expect("code point"));
                    }
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
    }
}

struct Case {
    id: String,
    text: String,
    sentences: Vec<String>,
    note: Option<String>,
}

fn load(path: &str) -> Option<Vec<Case>> {
    let raw = std::fs::read_to_string(path).ok()?;
    Some(
        raw.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let v = Parser::parse(line);
                let id = match v.get("id") {
                    Some(Json::Number(n)) => n.to_string(),
                    Some(Json::Str(s)) => s.clone(),
                    _ => "?".into(),
                };
                Case {
                    id,
                    text: v
                        .get("text")
                        .and_then(Json::as_str)
                        .expect("text")
                        .to_owned(),
                    sentences: v.get("sentences").expect("sentences").strings(),
                    note: v.get("note").and_then(Json::as_str).map(str::to_owned),
                }
            })
            .collect(),
    )
}

/// Runs the cases, the language detected; returns the failures as printable lines.
fn run(cases: &[Case]) -> Vec<String> {
    run_in(cases, None)
}

/// Runs the cases with the lists of `language` (detected when `None`).
fn run_in(cases: &[Case], language: Option<Language>) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let got: Vec<String> = split_sentences_in(&case.text, language)
            .into_iter()
            .map(|s| s.trim().to_owned())
            .collect();
        if got != case.sentences {
            failures.push(format!(
                "case {}{}:\n    text:     {:?}\n    expected: {:?}\n    got:      {:?}",
                case.id,
                case.note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default(),
                case.text,
                case.sentences,
                got
            ));
        }
    }
    failures
}

#[test]
fn english_golden_rules() {
    let Some(path) = eval_data::file("segmentation/english_golden_rules.jsonl") else {
        return;
    };
    let path = path.to_str().unwrap();
    let cases = load(path).unwrap_or_else(|| panic!("{path} is unreadable"));
    assert_eq!(cases.len(), 48);
    let failures = run(&cases);
    let passed = cases.len() - failures.len();
    println!("English golden rules: {passed}/{} pass", cases.len());
    for f in &failures {
        println!("FAIL {f}");
    }
    assert_eq!(passed, 48, "{passed}/48 golden rules pass");
}

/// Runs one language's golden file, with the language detected and given; returns
/// the failures.
fn golden_file(lang: &str) -> Vec<String> {
    let path = format!(
        "{}/tests/data/segmentation/{lang}.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases = load(&path).unwrap_or_else(|| panic!("{path} is missing"));
    assert!(cases.len() >= 5, "{lang}: at least 5 cases");
    let language = Language::from_code(lang).ok();
    assert!(language.is_some(), "{lang} is not a supported language");
    let mut failures = run(&cases);
    failures.extend(
        run_in(&cases, language)
            .into_iter()
            .map(|f| format!("(given {lang}) {f}")),
    );
    println!(
        "{lang}: {}/{} pass",
        cases.len() * 2 - failures.len(),
        cases.len() * 2
    );
    failures
        .into_iter()
        .map(|f| format!("{lang}: {f}"))
        .collect()
}

/// Every golden file in `tests/data/segmentation`, each run with its language
/// detected and given.
#[test]
fn golden_files_in_every_language() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/segmentation");
    let mut langs: Vec<String> = std::fs::read_dir(dir)
        .expect("golden directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".jsonl").map(str::to_owned))
        .collect();
    langs.sort();
    assert!(
        langs.len() >= 25,
        "golden files for {} languages",
        langs.len()
    );
    let failures: Vec<String> = langs.iter().flat_map(|l| golden_file(l)).collect();
    println!("golden files: {} languages", langs.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_are_trimmed_slices_in_order() {
    let text = "  First one.  Second one!\n\nThird?  ";
    let spans = sentence_spans(text);
    let mut last = 0;
    for s in &spans {
        assert!(s.start >= last && s.start < s.end);
        let piece = &text[s.clone()];
        assert_eq!(piece, piece.trim());
        last = s.end;
    }
    assert_eq!(spans.len(), 3);
}

#[test]
fn hard_cap_holds_for_long_runs() {
    // Abbreviations and initials merge pieces; the cap must still cut the result.
    let text = "Mr. A. B. ".repeat(20_000);
    let spans = sentence_spans(&text);
    assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
    let covered: usize = spans.iter().map(|s| s.len()).sum();
    assert!(covered > text.len() / 2);
    let cjk = "。“".repeat(50_000);
    assert!(sentence_spans(&cjk)
        .iter()
        .all(|s| s.len() <= MAX_SENTENCE_BYTES));
}

#[test]
fn wrapped_prose_joins_and_headlines_stand_alone() {
    let text = "Late arrival\n\
                It was very late at night when the old coach arrived at last. The\n\
                coachman climbed down slowly and opened the heavy door for all.\n\
                Nobody said a word as they walked into the quiet house together.";
    assert_eq!(
        split_sentences(text),
        [
            "Late arrival",
            "It was very late at night when the old coach arrived at last.",
            "The\ncoachman climbed down slowly and opened the heavy door for all.",
            "Nobody said a word as they walked into the quiet house together.",
        ]
    );
    // Abbreviations across a wrapped line break.
    let text = "The meeting was chaired by the long-serving treasurer, Mrs.\n\
                Long, who had prepared the accounts with unusual care this year.";
    assert_eq!(split_sentences(text).len(), 1);
}

#[test]
fn common_words_are_not_taken_for_abbreviations() {
    for text in [
        "It’s not about me. It’s about players.",
        "I said no. Everyone left.",
        "He is 6 ft. He plays guard.",
        "Martin Luther King Sr. He was a pastor.",
        "They lay in the sun. Birds sang.",
        "She studied modern art. Everyone agreed.",
    ] {
        assert_eq!(split_sentences(text).len(), 2, "{text}");
    }
    for text in [
        "See No. 5 on the list.",
        "Read ch. 3 first.",
        "Dr. Who is here.",
        "Sr. García llegó.",
    ] {
        assert_eq!(split_sentences(text).len(), 1, "{text}");
    }
}

#[test]
fn straight_quotes_after_a_space_open_the_next_sentence() {
    let text = "She leapt to the defense. ' Hillary has had a hard time,' she said.";
    assert_eq!(
        split_sentences(text),
        [
            "She leapt to the defense.",
            "' Hillary has had a hard time,' she said."
        ]
    );
}
