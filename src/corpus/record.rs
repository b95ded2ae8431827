//! One record: its text taken out of a JSON Lines line or a text file, summarized, and
//! written as text or as one JSON object.

use super::read::{Body, Record};
use super::{EncodingErrors, Options};
use crate::{Summarizer, FEATURES};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The result of one record: what to write for it, and the error it failed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What to write for the record: its summary (text, or one JSON Lines line), the
    /// JSON error object of a failed record with `json` output, or nothing for a
    /// failed record with text output.
    pub output: String,
    /// `PATH:LINE: reason` (`PATH: reason` for a text input) when the record failed.
    pub error: Option<String>,
}

impl Outcome {
    /// Whether the record was summarized.
    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }
}

/// A record's text, and its `id` as raw JSON when it has one.
struct Document<'r> {
    text: Cow<'r, str>,
    id: Option<&'r RawValue>,
}

/// Why a record failed, with the `id` it had if it got that far.
struct Failure<'r> {
    reason: String,
    id: Option<&'r RawValue>,
}

impl Failure<'_> {
    fn new(reason: String) -> Self {
        Failure { reason, id: None }
    }
}

/// Summarizes one record as `options` say.
pub(crate) fn summarize_record(s: &Summarizer, options: &Options, record: &Record) -> Outcome {
    let decoded = match &record.body {
        Body::Unreadable(reason) => Err(reason.clone()),
        Body::Text(bytes) | Body::Line(bytes) => decode(bytes, options.encoding_errors),
    };
    let whole = match decoded {
        Ok(text) => text,
        Err(reason) => return failed(options, record, None, &reason),
    };
    let text = whole.strip_prefix('\u{feff}').unwrap_or(&whole);
    let doc = match &record.body {
        Body::Line(_) => match parse_line(text, &options.field) {
            Ok(doc) => doc,
            Err(f) => return failed(options, record, f.id, &f.reason),
        },
        _ => Document {
            text: Cow::Borrowed(text),
            id: None,
        },
    };
    Outcome {
        output: render(s, options, record, &doc),
        error: None,
    }
}

/// The outcome of a record that failed for `reason`.
fn failed(options: &Options, record: &Record, id: Option<&RawValue>, reason: &str) -> Outcome {
    Outcome {
        output: if options.json {
            error_json(record, id, reason)
        } else {
            String::new()
        },
        error: Some(format!("{}: {reason}", record.location())),
    }
}

/// `bytes` as text: refused, or with U+FFFD for each bad sequence, when not UTF-8.
fn decode(bytes: &[u8], errors: EncodingErrors) -> Result<Cow<'_, str>, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) if errors == EncodingErrors::Replace => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(format!(
            "not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        )),
    }
}

/// The JSON type a value starts with, for messages ("a JSON array").
fn json_kind(raw: &str) -> &'static str {
    match raw.trim_start().bytes().next() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// The text in `field` of the JSON object on `line`, and its `id`.
fn parse_line<'r>(line: &'r str, field: &str) -> Result<Document<'r>, Failure<'r>> {
    let object: BTreeMap<Cow<'r, str>, &'r RawValue> = match serde_json::from_str(line) {
        Ok(object) => object,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            let kind = match serde_json::from_str::<&RawValue>(line) {
                Ok(raw) => json_kind(raw.get()),
                Err(_) => "not an object",
            };
            return Err(Failure::new(format!("not a JSON object but {kind}")));
        }
        Err(e) => return Err(Failure::new(format!("not JSON ({e})"))),
    };
    let id = object.get("id").copied().filter(|raw| raw.get() != "null");
    let Some(raw) = object.get(field) else {
        return Err(Failure {
            reason: format!("no field {}", quoted(field)),
            id,
        });
    };
    match serde_json::from_str::<Cow<'r, str>>(raw.get()) {
        Ok(text) => Ok(Document { text, id }),
        Err(_) => Err(Failure {
            reason: format!(
                "field {} is {}, not a string",
                quoted(field),
                json_kind(raw.get())
            ),
            id,
        }),
    }
}

/// `value` as a JSON string.
fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Appends `value` as a JSON string.
fn push_str(out: &mut String, value: &str) {
    out.push_str(&quoted(value));
}

/// Appends a score as the `f32` it is: the shortest decimal that reads back as the
/// same `f32` (`1.275`, not `1.2750000953674316`); `null` when not finite.
fn push_f32(out: &mut String, value: f32) {
    out.push_str(&serde_json::to_string(&value).unwrap_or_else(|_| "null".to_owned()));
}

/// `{"file": …, "line": …, "id": …` without the closing brace.
fn open_object(record: &Record, id: Option<&RawValue>) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("{\"file\":");
    push_str(&mut out, &record.file);
    if let Some(line) = record.line {
        let _ = write!(out, ",\"line\":{line}");
    }
    if let Some(id) = id {
        out.push_str(",\"id\":");
        out.push_str(id.get());
    }
    out
}

fn error_json(record: &Record, id: Option<&RawValue>, reason: &str) -> String {
    let mut out = open_object(record, id);
    out.push_str(",\"error\":");
    push_str(&mut out, reason);
    out.push_str("}\n");
    out
}

fn render(s: &Summarizer, options: &Options, record: &Record, doc: &Document<'_>) -> String {
    let text: &str = &doc.text;
    if !options.json {
        let mut out = String::new();
        if options.headers {
            let _ = writeln!(out, "==> {} <==", record.location());
        }
        for sentence in s.summarize(text, options.length) {
            out.push_str(sentence);
            out.push('\n');
        }
        return out;
    }
    let (analysis, selected) = s.explain(text, options.length);
    let spans = analysis.spans();
    let scores = analysis.scores();
    let sentence = |i: usize| spans.get(i).and_then(|r| text.get(r.clone()));
    let mut out = open_object(record, doc.id);
    out.push_str(",\"language\":");
    match analysis.language() {
        Some(language) => push_str(&mut out, language.code()),
        None => out.push_str("null"),
    }
    out.push_str(",\"summary\":[");
    list(&mut out, &selected, |out, &i| {
        push_str(out, sentence(i).unwrap_or_default());
    });
    out.push_str("],\"selected\":[");
    list(&mut out, &selected, |out, &i| {
        let _ = write!(out, "{i}");
    });
    out.push_str("],\"scores\":[");
    list(&mut out, &selected, |out, &i| {
        push_f32(out, scores.get(i).copied().unwrap_or(f32::NAN));
    });
    let _ = write!(out, "],\"num_sentences\":{}", spans.len());
    if options.sentences {
        out.push_str(",\"sentences\":[");
        push_sentences(&mut out, text, &analysis);
        out.push(']');
    }
    out.push_str("}\n");
    out
}

/// Appends `items` as the elements of a JSON array, each written by `item`.
fn list<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        item(out, x);
    }
}

/// Every sentence as `{"index", "text", "start", "end", "score", "rank", "features"}`,
/// with `start` and `end` counted in code points, as Python's `Summarizer.score` gives.
fn push_sentences(out: &mut String, text: &str, analysis: &crate::Analysis<'_>) {
    let offsets = char_offsets(text, analysis.spans());
    let rows = analysis
        .sentences()
        .zip(offsets)
        .zip(analysis.features().outer_iter());
    for (k, ((s, (start, end)), features)) in rows.enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "{{\"index\":{},\"text\":", s.index);
        push_str(out, text.get(s.span.clone()).unwrap_or_default());
        let _ = write!(out, ",\"start\":{start},\"end\":{end},\"score\":");
        push_f32(out, s.score);
        let _ = write!(out, ",\"rank\":{},\"features\":{{", s.rank);
        for (j, (name, value)) in FEATURES.iter().zip(features.iter()).enumerate() {
            if j > 0 {
                out.push(',');
            }
            push_str(out, name);
            out.push(':');
            push_f32(out, *value);
        }
        out.push_str("}}");
    }
}

/// The code point offsets of each span's start and end; spans come in document order,
/// so one pass over the text counts them all.
fn char_offsets(text: &str, spans: &[std::ops::Range<usize>]) -> Vec<(usize, usize)> {
    let mut byte = 0usize;
    let mut chars = 0usize;
    let mut at = |b: usize| {
        if b >= byte {
            chars += text.get(byte..b).map_or(0, |gap| gap.chars().count());
            byte = b;
            chars
        } else {
            text.get(..b).map_or(0, |head| head.chars().count())
        }
    };
    spans
        .iter()
        .map(|span| {
            let start = at(span.start);
            (start, at(span.end))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn code_point_offsets() {
        let text = "ék. Ñu here.";
        assert_eq!(char_offsets(text, &[0..4, 5..14]), [(0, 3), (4, 12)]);
        // Out of order spans still get exact offsets.
        assert_eq!(char_offsets(text, &[5..14, 0..4]), [(4, 12), (0, 3)]);
    }

    #[test]
    fn scores_are_written_as_the_f32_they_are() {
        let mut out = String::new();
        push_f32(&mut out, 1.275);
        out.push(' ');
        push_f32(&mut out, f32::NAN);
        assert_eq!(out, "1.275 null");
    }

    #[test]
    fn json_kinds_for_messages() {
        assert_eq!(json_kind(" [1]"), "an array");
        assert_eq!(json_kind("-1.5"), "a number");
        assert_eq!(json_kind("false"), "a boolean");
        assert_eq!(json_kind("null"), "null");
    }
}
