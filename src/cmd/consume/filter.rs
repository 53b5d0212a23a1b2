//! Which records `consume` prints: `--key-match`, `--grep` (regular expressions over the key
//! and the value bytes) and `--header NAME[=VALUE]`. Filtering decides only what is
//! printed; offsets still advance past every record read, so `-g` commits what it has read,
//! printed or not, and `-c N` counts printed records.

use regex::bytes::Regex;

use crate::cli::ConsumeArgs;
use crate::error::{Error, Result};
use crate::store::batch::RecordView;

pub(super) struct Filter {
    key: Option<Regex>,
    value: Option<Regex>,
    /// Every (name, value) must be present; a None value matches any value of that name.
    headers: Vec<(Vec<u8>, Option<Vec<u8>>)>,
}

impl Filter {
    /// The filter the flags ask for, or None when no flag is given (the unfiltered paths
    /// stay as they are).
    pub(super) fn from_args(a: &ConsumeArgs) -> Result<Option<Filter>> {
        let regex = |flag: &str, re: &Option<String>| -> Result<Option<Regex>> {
            re.as_deref()
                .map(|r| {
                    Regex::new(r).map_err(|e| {
                        Error::Usage(format!(
                            "{flag} '{r}' is not a valid regular expression: {e}"
                        ))
                    })
                })
                .transpose()
        };
        let key = regex("--key-match", &a.key_match)?;
        let value = regex("--grep", &a.grep)?;
        let mut headers = Vec::new();
        for h in &a.header_match {
            let (name, want) = match h.split_once('=') {
                Some((n, v)) => (n, Some(v.as_bytes().to_vec())),
                None => (h.as_str(), None),
            };
            if name.is_empty() {
                return Err(Error::Usage(format!(
                    "--header '{h}' names no header (use NAME or NAME=VALUE)"
                )));
            }
            headers.push((name.as_bytes().to_vec(), want));
        }
        if key.is_none() && value.is_none() && headers.is_empty() {
            return Ok(None);
        }
        Ok(Some(Filter {
            key,
            value,
            headers,
        }))
    }

    /// Whether `r` is printed.
    pub(super) fn keeps(&self, r: &RecordView) -> bool {
        let matches = |re: &Option<Regex>, bytes: Option<&[u8]>| match (re, bytes) {
            (None, _) => true,
            (Some(re), Some(b)) => re.is_match(b),
            (Some(_), None) => false,
        };
        matches(&self.key, r.key)
            && matches(&self.value, r.value)
            && self.headers.iter().all(|(name, want)| {
                r.headers().any(|(k, v)| {
                    k == name.as_slice() && want.as_ref().is_none_or(|w| v == Some(w.as_slice()))
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use crate::store::batch::{BatchBuilder, NewRecord, Records, scan};
    use clap::Parser;

    fn filter(flags: &[&str]) -> Result<Option<Filter>> {
        let mut argv = vec!["kaf", "consume", "t"];
        argv.extend_from_slice(flags);
        let Command::Consume(a) = Cli::try_parse_from(argv).unwrap().command else {
            panic!("not consume")
        };
        Filter::from_args(&a)
    }

    /// Which of the sample records (offsets) `flags` keep.
    fn kept(flags: &[&str]) -> Vec<i64> {
        let f = filter(flags).unwrap().expect("a filter");
        let h1 = [(b"type".to_vec(), Some(b"order".to_vec()))];
        let h2 = [
            (b"type".to_vec(), Some(b"refund".to_vec())),
            (b"trace".to_vec(), None),
        ];
        type Sample<'a> = (
            Option<&'a [u8]>,
            Option<&'a [u8]>,
            &'a [(Vec<u8>, Option<Vec<u8>>)],
        );
        let recs: [Sample; 4] = [
            (Some(b"user-1"), Some(b"paid 10"), &h1),
            (Some(b"user-2"), Some(b"paid 20"), &h2),
            (None, Some(b"no key"), &[]),
            (Some(b"user-3"), None, &h1),
        ];
        let mut b = BatchBuilder::new();
        for (key, value, headers) in recs {
            b.push(&NewRecord {
                timestamp: 1,
                key,
                value,
                headers,
            });
        }
        let bytes = b.finish().to_vec();
        let crate::store::batch::Scan::Batch(h, _) = scan(&bytes) else {
            panic!("invalid batch")
        };
        let mut out = Vec::new();
        Records::new(&bytes, h)
            .unwrap()
            .for_each(|r| {
                if f.keeps(&r) {
                    out.push(r.offset);
                }
                Ok(())
            })
            .unwrap();
        out
    }

    #[test]
    fn no_flags_no_filter() {
        assert!(filter(&[]).unwrap().is_none());
    }

    #[test]
    fn each_flag_and_their_conjunction() {
        assert_eq!(kept(&["--key-match", "^user-[12]$"]), [0, 1]);
        assert_eq!(kept(&["--grep", "paid"]), [0, 1]);
        assert_eq!(kept(&["--grep", "2"]), [1]);
        assert_eq!(kept(&["--header", "type"]), [0, 1, 3]);
        assert_eq!(kept(&["--header", "type=order"]), [0, 3]);
        assert_eq!(kept(&["--header", "trace"]), [1]);
        // A null header value is not the empty string.
        assert!(kept(&["--header", "trace="]).is_empty());
        assert_eq!(kept(&["--header", "type", "--header", "trace"]), [1]);
        assert_eq!(kept(&["--key-match", "user", "--grep", "10"]), [0]);
    }

    #[test]
    fn bad_flags_are_usage_errors() {
        for flags in [
            &["--grep", "("][..],
            &["--key-match", "[a"],
            &["--header", "=x"],
        ] {
            let e = filter(flags).err().expect("refused");
            assert!(matches!(e, Error::Usage(_)), "{flags:?}: {e}");
        }
    }
}
