//! `kaf consume`: prints a topic's messages, from the beginning to the end offsets seen at
//! start.

use std::io::{BufWriter, Write};

use crate::cli::ConsumeArgs;
use crate::cmd::Context;
use crate::error::{Error, Result};
use crate::store::batch::{self, Records, Scan};
use crate::store::topic;

const FETCH_BYTES: usize = 1024 * 1024;

pub fn run(ctx: &Context, a: ConsumeArgs) -> Result<()> {
    let name = a.name.name();
    topic::validate_name("topic", name)?;
    let broker = ctx.broker()?;
    let t = broker.topic(name)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(256 * 1024, stdout.lock());
    let werr = |e| Error::io("write stdout", e);
    let mut buf = Vec::new();
    for p in 0..t.partitions {
        let mut f = broker.fetcher(name, p)?;
        let end = f.end_offset()?;
        let mut next = f.start_offset()?;
        f.seek(next)?;
        while next < end {
            buf.clear();
            if f.fetch(&mut buf, FETCH_BYTES)? == 0 {
                break;
            }
            let mut at = 0;
            while at < buf.len() && next < end {
                let Scan::Batch(h, len) = batch::scan(&buf[at..]) else {
                    return Err(Error::Corrupt("fetched bytes are not whole batches".into()));
                };
                let bytes = &buf[at..at + len];
                at += len;
                if h.is_control() || h.next_offset() <= next {
                    next = next.max(h.next_offset());
                    continue;
                }
                let recs = Records::new(bytes, h)?;
                recs.for_each(|r| {
                    if r.offset >= next && r.offset < end {
                        out.write_all(r.value.unwrap_or_default()).map_err(werr)?;
                        out.write_all(b"\n").map_err(werr)?;
                    }
                    Ok(())
                })?;
                next = h.next_offset();
            }
        }
    }
    out.flush().map_err(werr)
}
