//! The corpus loop from Rust: one outcome per record in input order, errors per record,
//! bounded chunks, skipping, and the same bytes on any number of threads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use salience::corpus::{self, Corpus, EncodingErrors, Input, Options};
use salience::Length;
use salience::Summarizer;
use std::path::{Path, PathBuf};

const GOOD: [&str; 3] = [
    "The river flooded the valley. Farmers lost their crops. The river is calm today.",
    "prices rose again in march bread and milk cost more wages did not keep up",
    "یہ پہلا جملہ ہے۔ دریا میں پانی بڑھ گیا۔ کسانوں کی فصلیں تباہ ہو گئیں۔",
];

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("salience-corpus-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn json_options() -> Options {
    Options {
        json: true,
        ..Options::default()
    }
}

fn run_all(s: &Summarizer, inputs: Vec<Input>, options: &Options) -> (String, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    corpus::run(s, inputs, options, &mut out, |e| errors.push(e.to_owned())).unwrap();
    (String::from_utf8(out).unwrap(), errors)
}

#[test]
fn every_record_gets_one_outcome_in_order_and_bad_ones_fail_alone() {
    let dir = temp_dir("kinds");
    let lines = [
        format!("{{\"id\": 1, \"text\": {:?}}}", GOOD[0]),
        "not json".to_owned(),
        String::new(),
        "[1]".to_owned(),
        "{\"id\": \"x\", \"text\": 3}".to_owned(),
        "{\"body\": \"no text\"}".to_owned(),
        format!("{{\"text\": {:?}}}", GOOD[1]),
    ];
    let path = write(&dir, "a.jsonl", lines.join("\n").as_bytes());
    let (out, errors) = run_all(
        &Summarizer::default(),
        vec![Input::jsonl(&path)],
        &json_options(),
    );
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 6, "one line per non-blank input line");
    let lines_of: Vec<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines_of, [1, 2, 4, 5, 6, 7]);
    assert_eq!(rows[0]["id"], 1);
    let summary: Vec<&str> = rows[0]["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(summary, Summarizer::default().summarize(GOOD[0], 3));
    assert_eq!(rows[3]["id"], "x");
    assert_eq!(rows[3]["error"], "field \"text\" is a number, not a string");
    let p = path.display();
    assert_eq!(
        errors,
        [
            format!("{p}:2: not JSON (expected ident at line 1 column 2)"),
            format!("{p}:4: not a JSON object but an array"),
            format!("{p}:5: field \"text\" is a number, not a string"),
            format!("{p}:6: no field \"text\""),
        ]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn text_files_missing_files_and_stray_bytes() {
    let dir = temp_dir("text");
    let good = write(&dir, "good.txt", GOOD[0].as_bytes());
    let latin = write(
        &dir,
        "latin.txt",
        b"Caf\xe9 prices rose. The caf\xe9 closed.",
    );
    let missing = dir.join("missing.txt");
    let inputs = vec![
        Input::text(&good),
        Input::text(&latin),
        Input::text(&missing),
    ];
    let (out, errors) = run_all(&Summarizer::default(), inputs.clone(), &json_options());
    assert_eq!(out.lines().count(), 3);
    assert_eq!(
        errors,
        [
            format!("{}: not UTF-8 (invalid byte at offset 3)", latin.display()),
            format!("{}: No such file or directory", missing.display()),
        ]
    );
    let replace = Options {
        encoding_errors: EncodingErrors::Replace,
        ..json_options()
    };
    let (out, errors) = run_all(&Summarizer::default(), inputs, &replace);
    assert_eq!(errors.len(), 1, "only the missing file fails");
    assert!(out.contains("Caf\u{fffd} prices rose."));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn text_output_has_headers_and_blank_lines_between_good_records_only() {
    let dir = temp_dir("headers");
    let path = write(
        &dir,
        "h.jsonl",
        format!(
            "{{\"text\": {:?}}}\n{{}}\n{{\"text\": {:?}}}\n",
            GOOD[0], GOOD[2]
        )
        .as_bytes(),
    );
    let options = Options {
        headers: true,
        length: Length::sentences(1),
        ..Options::default()
    };
    let s = Summarizer::default();
    let (out, errors) = run_all(&s, vec![Input::jsonl(&path)], &options);
    let p = path.display();
    let expected = format!(
        "==> {p}:1 <==\n{}\n\n==> {p}:3 <==\n{}\n",
        s.summarize(GOOD[0], 1)[0],
        s.summarize(GOOD[2], 1)[0]
    );
    assert_eq!(out, expected);
    assert_eq!(errors.len(), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn chunks_are_bounded_and_skipping_resumes_at_the_same_record() {
    let dir = temp_dir("chunks");
    let body: String = (0..50)
        .map(|i| format!("{{\"id\": {i}, \"text\": {:?}}}\n", GOOD[i % 3]))
        .collect();
    let path = write(&dir, "c.jsonl", body.as_bytes());
    let s = Summarizer::default();
    let mut whole = Corpus::new(vec![Input::jsonl(&path)], json_options());
    let mut sizes = Vec::new();
    let mut outputs = Vec::new();
    while let Some(chunk) = whole.next_chunk(&s, 8, usize::MAX) {
        sizes.push(chunk.len());
        outputs.extend(chunk.into_iter().map(|o| o.output));
    }
    assert_eq!(sizes, [8, 8, 8, 8, 8, 8, 2]);
    assert_eq!(whole.bytes_read(), body.len() as u64);
    // A byte budget smaller than one record still makes progress, one record a chunk.
    let mut tiny = Corpus::new(vec![Input::jsonl(&path)], json_options());
    assert_eq!(tiny.next_chunk(&s, 8, 1).unwrap().len(), 1);
    // Skip 21 records, then the rest comes out exactly as in the whole run.
    let mut resumed = Corpus::new(vec![Input::jsonl(&path)], json_options());
    assert_eq!(resumed.skip(21), 21);
    let mut rest = Vec::new();
    while let Some(chunk) = resumed.next_chunk(&s, 5, usize::MAX) {
        rest.extend(chunk.into_iter().map(|o| o.output));
    }
    assert_eq!(rest, outputs[21..]);
    let mut short = Corpus::new(vec![Input::jsonl(&path)], json_options());
    assert_eq!(short.skip(80), 50, "skip says how many records there were");
    assert!(short.next_chunk(&s, 5, usize::MAX).is_none());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_overlong_record_fails_without_being_kept() {
    let dir = temp_dir("long");
    let long = format!("{{\"text\": \"{}\"}}\n", "word ".repeat(400));
    let body = format!("{long}{{\"text\": {:?}}}\n", GOOD[0]);
    let path = write(&dir, "l.jsonl", body.as_bytes());
    let options = Options {
        max_record_bytes: 1000,
        ..json_options()
    };
    let (out, errors) = run_all(&Summarizer::default(), vec![Input::jsonl(&path)], &options);
    assert_eq!(out.lines().count(), 2);
    assert_eq!(
        errors,
        [format!(
            "{}:1: longer than the limit of 1000 bytes per record",
            path.display()
        )]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_invalid_length_is_refused_up_front() {
    assert!(Length::ratio(0.0).is_err());
}

#[test]
fn the_output_is_the_same_on_any_number_of_threads() {
    let dir = temp_dir("threads");
    let body: String = (0..300)
        .map(|i| {
            format!(
                "{{\"id\": {i}, \"text\": {:?}}}\n",
                GOOD[i % 3].repeat(1 + i % 7)
            )
        })
        .collect();
    let path = write(&dir, "t.jsonl", body.as_bytes());
    let options = Options {
        sentences: true,
        ..json_options()
    };
    let one = Summarizer::builder().threads(1).build().unwrap();
    let three = Summarizer::builder().threads(3).build().unwrap();
    let a = run_all(&one, vec![Input::jsonl(&path)], &options);
    let b = run_all(&three, vec![Input::jsonl(&path)], &options);
    assert_eq!(a, b);
    std::fs::remove_dir_all(dir).unwrap();
}

fn line_strategy() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(
            any::<u8>().prop_filter("no newline", |b| *b != b'\n'),
            0..60
        ),
        "[ -~]{0,40}".prop_map(|t| format!("{{\"text\": {t:?}}}").into_bytes()),
        "\\PC{0,80}".prop_map(|t| format!("{{\"id\": 1, \"text\": {t:?}}}").into_bytes()),
        Just(b"{\"text\": null}".to_vec()),
        Just(b"   ".to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the lines, every non-blank one gives exactly one JSON line, in order.
    #[test]
    fn any_lines_give_one_json_line_per_record(lines in proptest::collection::vec(line_strategy(), 0..20)) {
        let dir = temp_dir("prop");
        let mut body = lines.join(&b'\n');
        body.push(b'\n');
        let path = write(&dir, "p.jsonl", &body);
        let (out, errors) = run_all(&Summarizer::default(), vec![Input::jsonl(&path)], &json_options());
        let records = lines
            .iter()
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count();
        let rows: Vec<serde_json::Value> =
            out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(rows.len(), records);
        let failed = rows.iter().filter(|r| r.get("error").is_some()).count();
        prop_assert_eq!(failed, errors.len());
        let mut last = 0;
        for row in &rows {
            let line = row["line"].as_u64().unwrap();
            prop_assert!(line > last);
            last = line;
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
