//! Reading records: one per non-blank line of a JSON Lines input, one per text input.

use super::{Input, Source};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;

/// The read buffer of an input.
const BUFFER_BYTES: usize = 1 << 20;

/// One record as read, before it is parsed.
#[derive(Debug, Clone)]
pub struct Record {
    /// The input's name: its path, or `-` for stdin.
    pub file: Arc<str>,
    /// The line number (from 1) in a JSON Lines input; `None` for a text input.
    pub line: Option<u64>,
    /// The raw bytes, or why they could not be read.
    pub(crate) body: Body,
}

/// What was read for a record.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// A line of JSON Lines, without its line break.
    Line(Vec<u8>),
    /// The whole of a text input.
    Text(Vec<u8>),
    /// The record could not be read (an I/O error, or longer than the limit).
    Unreadable(String),
}

impl Record {
    /// `PATH:LINE` (or `PATH` for a text input), as error messages start.
    pub fn location(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.to_string(),
        }
    }

    /// The bytes read for the record (0 when it could not be read).
    pub fn len(&self) -> usize {
        match &self.body {
            Body::Line(b) | Body::Text(b) => b.len(),
            Body::Unreadable(_) => 0,
        }
    }

    /// Whether no bytes were read for the record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A JSON Lines input being read, line by line.
struct OpenLines {
    name: Arc<str>,
    reader: Box<dyn BufRead + Send + Sync>,
    line: u64,
    /// Bytes consumed since the reader last counted them.
    consumed: u64,
}

/// Reads the records of a list of inputs in order, one at a time, holding at most one
/// record (of at most `max_record_bytes`) in memory.
pub(crate) struct Reader {
    inputs: std::vec::IntoIter<Input>,
    current: Option<OpenLines>,
    max_record_bytes: usize,
    line: Vec<u8>,
    /// Bytes read so far, line breaks and blank lines included.
    pub(crate) bytes_read: u64,
}

impl Reader {
    pub(crate) fn new(inputs: Vec<Input>, max_record_bytes: usize) -> Self {
        Reader {
            inputs: inputs.into_iter(),
            current: None,
            max_record_bytes,
            line: Vec::new(),
            bytes_read: 0,
        }
    }

    /// The next record; `None` after the last one. With `keep == false` the content is
    /// not kept (nor, for a text file, read): for skipping records already done.
    pub(crate) fn next_record(&mut self, keep: bool) -> Option<Record> {
        loop {
            if let Some(open) = self.current.as_mut() {
                let got = next_line(open, &mut self.line, self.max_record_bytes, keep);
                self.bytes_read += open.consumed;
                open.consumed = 0;
                match got {
                    Ok(Some(record)) => return Some(record),
                    Ok(None) => self.current = None,
                    Err(record) => {
                        // A read error ends the input: what follows cannot be trusted.
                        self.current = None;
                        return Some(record);
                    }
                }
                continue;
            }
            let input = self.inputs.next()?;
            let name: Arc<str> = Arc::from(input.name());
            let reader = match open(&input.source) {
                Ok(reader) => reader,
                Err(e) => return Some(unreadable(name, None, &e)),
            };
            if input.jsonl {
                self.current = Some(OpenLines {
                    name,
                    reader,
                    line: 0,
                    consumed: 0,
                });
            } else {
                let record = read_text(name, reader, self.max_record_bytes, keep);
                self.bytes_read += record.len() as u64;
                return Some(record);
            }
        }
    }
}

fn open(source: &Source) -> io::Result<Box<dyn BufRead + Send + Sync>> {
    Ok(match source {
        Source::Stdin => Box::new(BufReader::with_capacity(BUFFER_BYTES, io::stdin())),
        Source::Path(path) => {
            let file = File::open(path)?;
            if file.metadata()?.is_dir() {
                return Err(io::Error::other("is a directory"));
            }
            Box::new(BufReader::with_capacity(BUFFER_BYTES, file))
        }
    })
}

fn unreadable(file: Arc<str>, line: Option<u64>, e: &io::Error) -> Record {
    Record {
        file,
        line,
        body: Body::Unreadable(io_reason(e)),
    }
}

/// An I/O error as a short reason: "No such file or directory", not "... (os error 2)".
fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(cut) => text.get(..cut).unwrap_or(&text).to_owned(),
        None => text,
    }
}

fn too_long(max: usize) -> String {
    format!("longer than the limit of {max} bytes per record")
}

/// The next non-blank line of `open`; `Err` holds the record that reports a read error.
fn next_line(
    open: &mut OpenLines,
    buf: &mut Vec<u8>,
    max: usize,
    keep: bool,
) -> Result<Option<Record>, Record> {
    loop {
        buf.clear();
        open.line += 1;
        let line = Some(open.line);
        let (read, overflow) = match read_capped_line(open.reader.as_mut(), buf, max) {
            Ok(r) => r,
            Err(e) => return Err(unreadable(open.name.clone(), line, &e)),
        };
        open.consumed += read as u64;
        if read == 0 {
            return Ok(None);
        }
        let body = if overflow {
            Body::Unreadable(too_long(max))
        } else if is_blank(buf) {
            continue;
        } else if keep {
            Body::Line(std::mem::take(buf))
        } else {
            Body::Line(Vec::new())
        };
        return Ok(Some(Record {
            file: open.name.clone(),
            line,
            body,
        }));
    }
}

/// A line of only white space (or a lone byte-order mark) is no record.
fn is_blank(line: &[u8]) -> bool {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    line.iter().all(u8::is_ascii_whitespace)
}

/// Reads one line (through its `\n`, which is not kept) into `buf`, keeping at most
/// `max` bytes; returns the bytes consumed and whether the line was longer than `max`
/// (its rest is read past, not kept, so memory stays bounded).
fn read_capped_line(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(usize, bool)> {
    let (mut read, mut overflow) = (0usize, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let piece = available.get(..take).unwrap_or(available);
        let content = if done {
            piece.get(..take - 1).unwrap_or(piece)
        } else {
            piece
        };
        if !overflow && buf.len() + content.len() <= max {
            buf.extend_from_slice(content);
        } else {
            overflow = true;
            buf.clear();
        }
        read += take;
        reader.consume(take);
        if done {
            break;
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok((read, overflow))
}

/// The whole of a text input as one record (not kept when `keep` is false).
fn read_text(
    name: Arc<str>,
    reader: Box<dyn BufRead + Send + Sync>,
    max: usize,
    keep: bool,
) -> Record {
    let mut bytes = Vec::new();
    if keep {
        let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
        if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
            return unreadable(name, None, &e);
        }
    }
    let body = if bytes.len() > max {
        Body::Unreadable(too_long(max))
    } else {
        Body::Text(bytes)
    };
    Record {
        file: name,
        line: None,
        body,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn lines(data: &[u8], max: usize) -> Vec<(Vec<u8>, bool)> {
        let mut reader = io::Cursor::new(data.to_vec());
        let mut out = Vec::new();
        loop {
            let mut buf = Vec::new();
            let (read, overflow) = read_capped_line(&mut reader, &mut buf, max).unwrap();
            if read == 0 {
                return out;
            }
            out.push((buf, overflow));
        }
    }

    #[test]
    fn lines_are_split_at_newlines_and_capped() {
        let got = lines(b"ab\r\ncdef\n\ng", 3);
        assert_eq!(
            got,
            [
                (b"ab".to_vec(), false),
                (Vec::new(), true),
                (Vec::new(), false),
                (b"g".to_vec(), false)
            ]
        );
    }

    #[test]
    fn blank_lines_are_white_space_or_a_bom() {
        assert!(is_blank(b" \t\r"));
        assert!(is_blank(b"\xEF\xBB\xBF  "));
        assert!(!is_blank(b" {}"));
    }

    #[test]
    fn io_reasons_drop_the_os_error_number() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&e), "No such file or directory");
    }
}
