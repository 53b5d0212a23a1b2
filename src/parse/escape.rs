//! Backslash escapes in delimiters and format strings: `\n \r \t \0 \\ \xNN`.

use crate::error::{Error, Result};

/// Turns `s` into bytes, expanding escapes. An unknown escape or a bad `\x` is an error,
/// so that a typo never silently becomes a literal backslash.
pub fn unescape(s: &str) -> Result<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = *b
            .get(i + 1)
            .ok_or_else(|| Error::Usage(format!("'{s}' ends with a lone backslash")))?;
        i += 2;
        out.push(match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'0' => 0,
            b'\\' => b'\\',
            b'x' => {
                let hex = b
                    .get(i..i + 2)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| {
                        Error::Usage(format!("'{s}': \\x must be followed by two hex digits"))
                    })?;
                i += 2;
                hex
            }
            other => {
                return Err(Error::Usage(format!(
                    "'{s}': unknown escape \\{} (known: \\n \\r \\t \\0 \\\\ \\xNN)",
                    other as char
                )));
            }
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(unescape("a\\tb").unwrap(), b"a\tb");
        assert_eq!(unescape("\\n\\0\\x41\\\\").unwrap(), b"\n\0A\\");
        assert_eq!(unescape("::").unwrap(), b"::");
        assert_eq!(unescape("é").unwrap(), "é".as_bytes());
        assert!(unescape("\\").is_err());
        assert!(unescape("\\q").is_err());
        assert!(unescape("\\x4").is_err());
        assert!(unescape("\\xZZ").is_err());
    }
}
