//! Kafka RecordBatch v2: the byte format kaf stores on disk and serves on the wire.
//!
//! Layout (big-endian, offsets in bytes), as Kafka's `DefaultRecordBatch` defines it:
//!
//! ```text
//!  0 baseOffset i64          8 batchLength i32 (bytes after this field)
//! 12 partitionLeaderEpoch i32 16 magic i8 (= 2)   17 crc u32 (CRC-32C of bytes 21..end)
//! 21 attributes i16          23 lastOffsetDelta i32
//! 27 baseTimestamp i64       35 maxTimestamp i64
//! 43 producerId i64          51 producerEpoch i16   53 baseSequence i32
//! 57 recordCount i32         61 records...
//! ```
//!
//! Each record: length varint, attributes i8, timestampDelta varlong, offsetDelta varint,
//! keyLength varint (-1 = null), key, valueLength varint (-1 = null), value, headerCount
//! varint, then per header keyLength varint, key, valueLength varint (-1 = null), value.
//! Varints are zigzag-encoded, as in protobuf.
//!
//! The CRC does not cover baseOffset, batchLength or partitionLeaderEpoch, which is what lets
//! a writer assign offsets by rewriting baseOffset without recomputing it.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// Size of the fixed batch header, up to and including recordCount.
pub const HEADER_LEN: usize = 61;
/// Bytes before the batchLength field's end: a batch occupies `LOG_OVERHEAD + batchLength`.
pub const LOG_OVERHEAD: usize = 12;
const CRC_START: usize = 21;
pub const MAGIC: i8 = 2;

const ATTR_COMPRESSION_MASK: i16 = 0x07;
const ATTR_TIMESTAMP_LOG_APPEND: i16 = 0x08;
const ATTR_TRANSACTIONAL: i16 = 0x10;
const ATTR_CONTROL: i16 = 0x20;

/// One record as callers hand it to a batch builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewRecord<'a> {
    pub timestamp: i64,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: &'a [(Vec<u8>, Option<Vec<u8>>)],
}

/// Zigzag varint helpers. Kafka uses protobuf's zigzag for signed varints and varlongs.
pub mod varint {
    /// Appends `v` as a zigzag varint (works for both Kafka's varint and varlong).
    #[inline]
    pub fn put(buf: &mut Vec<u8>, v: i64) {
        let mut z = ((v << 1) ^ (v >> 63)) as u64;
        while z >= 0x80 {
            buf.push((z as u8) | 0x80);
            z >>= 7;
        }
        buf.push(z as u8);
    }

    /// The longest encoding of a 64-bit varint.
    pub const MAX_LEN: usize = 10;

    /// Writes `v` as a zigzag varint into `buf` at `at`; returns the position after it.
    /// `buf` must have `MAX_LEN` bytes from `at`.
    #[inline(always)]
    pub fn write(buf: &mut [u8], mut at: usize, v: i64) -> usize {
        let mut z = ((v << 1) ^ (v >> 63)) as u64;
        while z >= 0x80 {
            buf[at] = (z as u8) | 0x80;
            at += 1;
            z >>= 7;
        }
        buf[at] = z as u8;
        at + 1
    }

    /// Encoded size of `v` as a zigzag varint.
    #[inline(always)]
    pub fn size(v: i64) -> usize {
        let z = ((v << 1) ^ (v >> 63)) as u64;
        // Lengths and deltas are mostly small: compare before counting bits.
        if z < 1 << 7 {
            1
        } else if z < 1 << 14 {
            2
        } else {
            let bits = 64 - z.leading_zeros() as usize;
            bits.div_ceil(7)
        }
    }

    /// Reads a zigzag varint from `buf[*pos..]`, advancing `pos`. At most 10 bytes are read,
    /// so a hostile input cannot make this loop long.
    #[inline(always)]
    pub fn get(buf: &[u8], pos: &mut usize) -> Option<i64> {
        // Encodings of up to three bytes (lengths and deltas below 2^20) are the common
        // case: decode them without the general loop.
        let b0 = *buf.get(*pos)?;
        if b0 < 0x80 {
            *pos += 1;
            let z = u64::from(b0);
            return Some(((z >> 1) as i64) ^ -((z & 1) as i64));
        }
        if let Some(&[_, b1, b2]) = buf.get(*pos..*pos + 3) {
            let z = if b1 < 0x80 {
                *pos += 2;
                u64::from(b0 & 0x7f) | u64::from(b1) << 7
            } else if b2 < 0x80 {
                *pos += 3;
                u64::from(b0 & 0x7f) | u64::from(b1 & 0x7f) << 7 | u64::from(b2) << 14
            } else {
                return get_long(buf, pos);
            };
            return Some(((z >> 1) as i64) ^ -((z & 1) as i64));
        }
        get_long(buf, pos)
    }

    fn get_long(buf: &[u8], pos: &mut usize) -> Option<i64> {
        let mut z: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = *buf.get(*pos)?;
            *pos += 1;
            if shift == 63 && b > 1 {
                return None;
            }
            z |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }
}

/// Builds one RecordBatch v2 in memory. Offsets start at 0 here; the log assigns the real
/// base offset by rewriting the first 8 bytes when it appends.
pub struct BatchBuilder {
    buf: Vec<u8>,
    count: i32,
    base_ts: i64,
    max_ts: i64,
    /// The CRC `finish` computed, while no record was added since: finishing twice (a
    /// producer thread ahead of the one that appends) reads the records once.
    crc: Option<u32>,
    /// Producer id, epoch, base sequence and whether the batch is transactional (a
    /// transactional producer's batches); (-1, -1, -1, false) for plain batches.
    producer: (i64, i16, i32, bool),
}

impl Default for BatchBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl BatchBuilder {
    pub fn new() -> Self {
        Self::with_capacity(64 * 1024)
    }

    pub fn with_capacity(cap: usize) -> Self {
        let mut buf = Vec::with_capacity(cap.max(HEADER_LEN));
        buf.resize(HEADER_LEN, 0);
        BatchBuilder {
            buf,
            count: 0,
            base_ts: 0,
            max_ts: 0,
            crc: None,
            producer: (-1, -1, -1, false),
        }
    }

    /// Makes the batch a producer's: its id, epoch, the sequence of its first record and
    /// whether it is part of a transaction. Kept until `clear`.
    pub fn set_producer(&mut self, id: i64, epoch: i16, base_sequence: i32, transactional: bool) {
        let p = (id, epoch, base_sequence, transactional);
        if self.producer != p {
            self.producer = p;
            self.crc = None;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn record_count(&self) -> i32 {
        self.count
    }

    /// Bytes the batch occupies so far, header included.
    pub fn size(&self) -> usize {
        self.buf.len()
    }

    /// An upper bound of the bytes that `rec` adds to a batch, whatever its position and
    /// timestamp delta turn out to be.
    #[inline]
    pub fn record_size(rec: &NewRecord) -> usize {
        let body = Self::body_size(rec, i64::MAX, i64::from(i32::MAX));
        body + varint::size(body as i64)
    }

    #[inline(always)]
    fn body_size(rec: &NewRecord, ts_delta: i64, off_delta: i64) -> usize {
        let n = 1 + varint::size(ts_delta) + varint::size(off_delta);
        let n = n + opt_size(rec.key) + opt_size(rec.value);
        if rec.headers.is_empty() {
            n + 1
        } else {
            n + headers_size(rec.headers)
        }
    }

    #[inline]
    pub fn push(&mut self, rec: &NewRecord) {
        if self.count == 0 {
            self.base_ts = rec.timestamp;
            self.max_ts = rec.timestamp;
        }
        self.max_ts = self.max_ts.max(rec.timestamp);
        let ts_delta = rec.timestamp.wrapping_sub(self.base_ts);
        let off_delta = i64::from(self.count);
        let body = Self::body_size(rec, ts_delta, off_delta);
        self.crc = None;
        let buf = &mut self.buf;
        buf.reserve(body + varint::MAX_LEN);
        // Everything up to the key bytes in one small copy: length, attributes,
        // timestamp delta, offset delta and key length.
        let mut head = [0u8; 1 + 4 * varint::MAX_LEN];
        let mut n = varint::write(&mut head, 0, body as i64);
        n += 1; // attributes: 0
        n = varint::write(&mut head, n, ts_delta);
        n = varint::write(&mut head, n, off_delta);
        n = varint::write(&mut head, n, rec.key.map_or(-1, |k| k.len() as i64));
        buf.extend_from_slice(&head[..n]);
        if let Some(k) = rec.key {
            buf.extend_from_slice(k);
        }
        let mut vlen = [0u8; varint::MAX_LEN];
        let n = varint::write(&mut vlen, 0, rec.value.map_or(-1, |v| v.len() as i64));
        buf.extend_from_slice(&vlen[..n]);
        if let Some(v) = rec.value {
            buf.extend_from_slice(v);
        }
        if rec.headers.is_empty() {
            buf.push(0);
        } else {
            put_headers(buf, rec.headers);
        }
        self.count += 1;
    }

    /// `push` of a record without key and headers (what plain lines become), with less
    /// work per record; the bytes are the same.
    #[inline]
    pub fn push_value(&mut self, timestamp: i64, value: Option<&[u8]>) {
        if self.count == 0 {
            self.base_ts = timestamp;
            self.max_ts = timestamp;
        }
        self.max_ts = self.max_ts.max(timestamp);
        let ts_delta = timestamp.wrapping_sub(self.base_ts);
        let off_delta = i64::from(self.count);
        let vlen = value.map_or(-1, |v| v.len() as i64);
        // attributes, deltas, null key, value length, value, no headers
        let body = 1
            + varint::size(ts_delta)
            + varint::size(off_delta)
            + 1
            + varint::size(vlen)
            + value.map_or(0, <[u8]>::len)
            + 1;
        self.crc = None;
        let buf = &mut self.buf;
        buf.reserve(body + varint::MAX_LEN);
        let mut head = [0u8; 2 + 4 * varint::MAX_LEN];
        let mut n = varint::write(&mut head, 0, body as i64);
        n += 1; // attributes: 0
        n = varint::write(&mut head, n, ts_delta);
        n = varint::write(&mut head, n, off_delta);
        head[n] = 1; // key length -1: null
        n = varint::write(&mut head, n + 1, vlen);
        buf.extend_from_slice(&head[..n]);
        if let Some(v) = value {
            buf.extend_from_slice(v);
        }
        buf.push(0);
        self.count += 1;
    }

    /// Fills in the header and CRC and returns the finished batch bytes.
    pub fn finish(&mut self) -> &mut [u8] {
        let len = self.buf.len();
        let h = &mut self.buf[..HEADER_LEN];
        h[0..8].copy_from_slice(&0i64.to_be_bytes());
        h[8..12].copy_from_slice(&((len - LOG_OVERHEAD) as i32).to_be_bytes());
        h[12..16].copy_from_slice(&0i32.to_be_bytes());
        h[16] = MAGIC as u8;
        let (pid, epoch, seq, transactional) = self.producer;
        let attrs = if transactional { ATTR_TRANSACTIONAL } else { 0 };
        h[21..23].copy_from_slice(&attrs.to_be_bytes());
        h[23..27].copy_from_slice(&(self.count - 1).max(0).to_be_bytes());
        h[27..35].copy_from_slice(&self.base_ts.to_be_bytes());
        h[35..43].copy_from_slice(&self.max_ts.to_be_bytes());
        h[43..51].copy_from_slice(&pid.to_be_bytes());
        h[51..53].copy_from_slice(&epoch.to_be_bytes());
        h[53..57].copy_from_slice(&seq.to_be_bytes());
        h[57..61].copy_from_slice(&self.count.to_be_bytes());
        // The header fields above are a function of the builder's state, so a CRC computed
        // since the last push still covers exactly these bytes.
        let crc = match self.crc {
            Some(c) => c,
            None => crc32c::crc32c(&self.buf[CRC_START..]),
        };
        self.crc = Some(crc);
        self.buf[17..21].copy_from_slice(&crc.to_be_bytes());
        &mut self.buf
    }

    /// Empties the builder for reuse, keeping its allocation.
    pub fn clear(&mut self) {
        self.buf.truncate(HEADER_LEN);
        self.count = 0;
        self.crc = None;
        self.producer = (-1, -1, -1, false);
    }
}

fn headers_size(headers: &[(Vec<u8>, Option<Vec<u8>>)]) -> usize {
    let mut n = varint::size(headers.len() as i64);
    for (k, v) in headers {
        n += varint::size(k.len() as i64) + k.len() + opt_size(v.as_deref());
    }
    n
}

fn put_headers(buf: &mut Vec<u8>, headers: &[(Vec<u8>, Option<Vec<u8>>)]) {
    varint::put(buf, headers.len() as i64);
    for (k, v) in headers {
        varint::put(buf, k.len() as i64);
        buf.extend_from_slice(k);
        put_opt(buf, v.as_deref());
    }
}

#[inline]
fn opt_size(v: Option<&[u8]>) -> usize {
    match v {
        None => varint::size(-1),
        Some(b) => varint::size(b.len() as i64) + b.len(),
    }
}

#[inline]
fn put_opt(buf: &mut Vec<u8>, v: Option<&[u8]>) {
    match v {
        None => varint::put(buf, -1),
        Some(b) => {
            varint::put(buf, b.len() as i64);
            buf.extend_from_slice(b);
        }
    }
}

/// Rewrites a batch's baseOffset in place; the CRC stays valid because it does not cover it.
pub fn set_base_offset(batch: &mut [u8], base: i64) {
    batch[0..8].copy_from_slice(&base.to_be_bytes());
}

/// What a scan finds at a position in a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scan {
    /// A whole, CRC-valid batch of this many bytes.
    Batch(BatchHeader, usize),
    /// Not enough bytes yet: a writer may be mid-append, or it died there.
    Incomplete,
    /// Bytes that can never become a valid batch (bad magic, length or CRC).
    Invalid(&'static str),
}

/// The fixed fields of a batch header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchHeader {
    pub base_offset: i64,
    pub batch_length: i32,
    pub attributes: i16,
    pub last_offset_delta: i32,
    pub base_timestamp: i64,
    pub max_timestamp: i64,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub base_sequence: i32,
    pub record_count: i32,
}

impl BatchHeader {
    pub fn last_offset(&self) -> i64 {
        self.base_offset + i64::from(self.last_offset_delta)
    }
    pub fn next_offset(&self) -> i64 {
        self.last_offset() + 1
    }
    pub fn compression(&self) -> Compression {
        Compression::from_attr(self.attributes)
    }
    pub fn is_control(&self) -> bool {
        self.attributes & ATTR_CONTROL != 0
    }
    pub fn is_transactional(&self) -> bool {
        self.attributes & ATTR_TRANSACTIONAL != 0
    }
    pub fn log_append_time(&self) -> bool {
        self.attributes & ATTR_TIMESTAMP_LOG_APPEND != 0
    }
    /// Total bytes the batch occupies in the log.
    pub fn size(&self) -> usize {
        LOG_OVERHEAD + self.batch_length as usize
    }
}

fn be_i16(b: &[u8], at: usize) -> i16 {
    i16::from_be_bytes([b[at], b[at + 1]])
}
fn be_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(b[at..at + 4].try_into().unwrap())
}
fn be_i64(b: &[u8], at: usize) -> i64 {
    i64::from_be_bytes(b[at..at + 8].try_into().unwrap())
}

/// Parses the header at the start of `b` (needs `HEADER_LEN` bytes) without checking the CRC.
pub fn parse_header(b: &[u8]) -> Option<BatchHeader> {
    if b.len() < HEADER_LEN {
        return None;
    }
    Some(BatchHeader {
        base_offset: be_i64(b, 0),
        batch_length: be_i32(b, 8),
        attributes: be_i16(b, 21),
        last_offset_delta: be_i32(b, 23),
        base_timestamp: be_i64(b, 27),
        max_timestamp: be_i64(b, 35),
        producer_id: be_i64(b, 43),
        producer_epoch: be_i16(b, 51),
        base_sequence: be_i32(b, 53),
        record_count: be_i32(b, 57),
    })
}

/// Largest batch kaf accepts anywhere; bounds memory use against hostile lengths.
pub const MAX_BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Examines the bytes at the start of `b`: a complete valid batch, too few bytes, or junk.
pub fn scan(b: &[u8]) -> Scan {
    scan_inner(b, true)
}

#[inline]
fn scan_inner(b: &[u8], check_crc: bool) -> Scan {
    if b.len() < LOG_OVERHEAD + 5 {
        return Scan::Incomplete;
    }
    let batch_length = be_i32(b, 8);
    if batch_length < (HEADER_LEN - LOG_OVERHEAD) as i32 {
        return Scan::Invalid("batch length too small");
    }
    if batch_length as usize > MAX_BATCH_BYTES {
        return Scan::Invalid("batch length too large");
    }
    if b[16] as i8 != MAGIC {
        return Scan::Invalid("unsupported magic byte (not RecordBatch v2)");
    }
    let total = LOG_OVERHEAD + batch_length as usize;
    if b.len() < total {
        return Scan::Incomplete;
    }
    let stored = u32::from_be_bytes(b[17..21].try_into().unwrap());
    if check_crc && crc32c::crc32c(&b[CRC_START..total]) != stored {
        return Scan::Invalid("CRC mismatch");
    }
    let h = parse_header(b).expect("length checked");
    if h.last_offset_delta < 0 || h.record_count < 0 {
        return Scan::Invalid("negative record count or offset delta");
    }
    Scan::Batch(h, total)
}

/// `scan` for bytes whose CRC a reader has already checked (a `Fetcher` that says so):
/// the same framing checks, without reading every byte again.
pub fn scan_verified(b: &[u8]) -> Scan {
    scan_inner(b, false)
}

/// Compression codec of a batch (attributes bits 0..2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
    Unknown(i16),
}

impl Compression {
    /// The codec's name as Kafka's tools print it.
    pub fn name(self) -> String {
        match self {
            Compression::None => "none".into(),
            Compression::Gzip => "gzip".into(),
            Compression::Snappy => "snappy".into(),
            Compression::Lz4 => "lz4".into(),
            Compression::Zstd => "zstd".into(),
            Compression::Unknown(n) => format!("unknown({n})"),
        }
    }

    fn from_attr(a: i16) -> Self {
        match a & ATTR_COMPRESSION_MASK {
            0 => Compression::None,
            1 => Compression::Gzip,
            2 => Compression::Snappy,
            3 => Compression::Lz4,
            4 => Compression::Zstd,
            n => Compression::Unknown(n),
        }
    }
}

/// A decoded record, borrowing from the batch bytes.
#[derive(Debug, Clone, Copy)]
pub struct RecordView<'a> {
    pub offset: i64,
    pub timestamp: i64,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    headers: &'a [u8],
    header_count: usize,
}

impl<'a> RecordView<'a> {
    /// A record with only an offset and a timestamp, for rendering produce acknowledgements.
    pub fn meta(offset: i64, timestamp: i64) -> RecordView<'static> {
        RecordView {
            offset,
            timestamp,
            key: None,
            value: None,
            headers: &[],
            header_count: 0,
        }
    }

    pub fn headers(&self) -> HeaderIter<'a> {
        HeaderIter {
            buf: self.headers,
            pos: 0,
            left: self.header_count,
        }
    }
}

/// Iterates a record's headers; headers were validated when the record was decoded.
pub struct HeaderIter<'a> {
    buf: &'a [u8],
    pos: usize,
    left: usize,
}

impl<'a> Iterator for HeaderIter<'a> {
    type Item = (&'a [u8], Option<&'a [u8]>);
    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let k = get_bytes(self.buf, &mut self.pos)??;
        let v = get_bytes(self.buf, &mut self.pos)?;
        Some((k, v))
    }
}

/// Reads a varint length and that many bytes; `Some(None)` is a null (-1).
#[inline(always)]
fn get_bytes<'a>(buf: &'a [u8], pos: &mut usize) -> Option<Option<&'a [u8]>> {
    let n = varint::get(buf, pos)?;
    if n == -1 {
        return Some(None);
    }
    if n < 0 {
        return None;
    }
    let n = n as usize;
    let end = pos.checked_add(n)?;
    let s = buf.get(*pos..end)?;
    *pos = end;
    Some(Some(s))
}

/// The records section of a batch, decompressed if it was compressed.
pub struct Records<'a> {
    pub header: BatchHeader,
    data: Cow<'a, [u8]>,
}

impl<'a> Records<'a> {
    /// Opens a validated batch (as returned by `scan`) for record decoding.
    pub fn new(batch: &'a [u8], header: BatchHeader) -> Result<Self> {
        let raw = &batch[HEADER_LEN..header.size()];
        let data = match header.compression() {
            Compression::None => Cow::Borrowed(raw),
            c => Cow::Owned(crate::store::compression::decompress(c, raw)?),
        };
        Ok(Records { header, data })
    }

    /// Decodes every record, calling `f` for each. Stops with an error at the first record
    /// that does not parse: the CRC matched, so such a batch was written wrong, not torn.
    pub fn for_each<'s>(&'s self, mut f: impl FnMut(RecordView<'s>) -> Result<()>) -> Result<()> {
        let buf: &'s [u8] = &self.data;
        let h = &self.header;
        let mut pos = 0usize;
        for _ in 0..h.record_count {
            let rec = decode_record(buf, &mut pos, h).ok_or_else(|| {
                Error::Corrupt(format!(
                    "batch at offset {} has a malformed record",
                    h.base_offset
                ))
            })?;
            f(rec)?;
        }
        Ok(())
    }
}

#[inline(always)]
fn decode_record<'a>(buf: &'a [u8], pos: &mut usize, h: &BatchHeader) -> Option<RecordView<'a>> {
    let len = varint::get(buf, pos)?;
    if len < 0 {
        return None;
    }
    let end = pos.checked_add(len as usize)?;
    let body = buf.get(..end)?;
    let mut p = *pos;
    p += 1; // attributes, unused in v2
    let ts_delta = varint::get(body, &mut p)?;
    let off_delta = varint::get(body, &mut p)?;
    let key = get_bytes(body, &mut p)?;
    let value = get_bytes(body, &mut p)?;
    let header_count = varint::get(body, &mut p)?;
    if header_count < 0 {
        return None;
    }
    let hstart = p;
    for _ in 0..header_count {
        get_bytes(body, &mut p)??;
        get_bytes(body, &mut p)?;
    }
    if p != end {
        return None;
    }
    *pos = end;
    let timestamp = if h.log_append_time() {
        h.max_timestamp
    } else {
        h.base_timestamp.wrapping_add(ts_delta)
    };
    Some(RecordView {
        offset: h.base_offset.wrapping_add(off_delta),
        timestamp,
        key,
        value,
        headers: &body[hstart..end],
        header_count: header_count as usize,
    })
}

/// Which Kafka error a rejected batch maps to: `CorruptMessage` (2) for bytes that are not
/// a whole CRC-valid batch, `InvalidRecord` (87) for a well-framed batch whose contents break
/// the format (with per-record errors, KIP-467).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchErrorKind {
    CorruptMessage,
    InvalidRecord,
}

/// One malformed record: its index in the batch (0-based, Kafka's `batch_index`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub index: i32,
    pub message: String,
}

/// Why `validate_batch` refused a batch. `records` lists the records found malformed; it is
/// empty when the fault is in the batch header or framing. Once a record's framing is broken
/// the records after it cannot be located, so at most one framing error is listed, last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchError {
    pub kind: BatchErrorKind,
    pub message: String,
    pub records: Vec<RecordError>,
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(r) = self.records.first() {
            write!(f, " (record {}: {})", r.index, r.message)?;
        }
        Ok(())
    }
}

/// Checks one whole batch as a producer sent it, decoding every record:
///
/// ```text
/// pub fn validate_batch(batch: &[u8]) -> std::result::Result<BatchHeader, BatchError>
/// ```
///
/// `batch` must be exactly one batch (`12 + batchLength` bytes; trailing bytes are an error).
/// Checked: framing, magic and CRC (`scan`), `recordCount >= 1`, `lastOffsetDelta ==
/// recordCount - 1`, a known compression codec (0-4) whose payload decompresses, the control
/// flag only on a transactional batch, and for every record: its length varint and that it
/// fits, attributes 0, timestamp delta (no overflow), `offsetDelta` equal to its index,
/// key/value lengths >= -1 and within the record, a header count >= 0, header keys not null,
/// header value lengths >= -1, no varint longer than 10 bytes or overflowing, no bytes left
/// inside a record, and nothing left after the last record. Pure and panic-free on any input.
pub fn validate_batch(batch: &[u8]) -> std::result::Result<BatchHeader, BatchError> {
    validate(batch, false, true)
}

/// `validate_batch` for bytes already in a log. It also accepts the record-less control
/// batch that `kaf doctor --repair --salvage` writes to keep offsets contiguous over lost
/// bytes (`salvage_filler`).
pub fn validate_stored(batch: &[u8]) -> std::result::Result<BatchHeader, BatchError> {
    validate(batch, true, true)
}

/// `validate_stored` for a batch whose CRC the caller has just checked (`scan`).
pub fn validate_scanned(batch: &[u8]) -> std::result::Result<BatchHeader, BatchError> {
    validate(batch, true, false)
}

fn batch_err(kind: BatchErrorKind, message: impl Into<String>) -> BatchError {
    BatchError {
        kind,
        message: message.into(),
        records: Vec::new(),
    }
}

fn validate(
    batch: &[u8],
    stored: bool,
    check_crc: bool,
) -> std::result::Result<BatchHeader, BatchError> {
    let h = match scan_inner(batch, check_crc) {
        Scan::Batch(h, len) if len == batch.len() => h,
        Scan::Batch(_, len) => {
            return Err(batch_err(
                BatchErrorKind::CorruptMessage,
                format!("{} bytes follow the batch", batch.len() - len),
            ));
        }
        Scan::Incomplete => {
            return Err(batch_err(
                BatchErrorKind::CorruptMessage,
                "incomplete batch",
            ));
        }
        Scan::Invalid(why) => return Err(batch_err(BatchErrorKind::CorruptMessage, why)),
    };
    let invalid = |m: String| batch_err(BatchErrorKind::InvalidRecord, m);
    if h.is_control() && !h.is_transactional() {
        return Err(invalid(
            "control batch from a non-transactional producer".into(),
        ));
    }
    if stored && h.record_count == 0 && h.last_offset_delta >= 0 {
        // Offsets without records: the salvage filler, a compaction filler, or a producer's
        // last batch whose records compaction removed (kept for its producer fields).
        return Ok(h);
    }
    if h.record_count < 1 {
        return Err(invalid("batch has no records".into()));
    }
    // A batch as a producer sends it numbers its records 0..n; one a compaction rewrote
    // keeps its offset range and the offsets of the records it kept (`compact_batch`).
    let holes_allowed = stored && i64::from(h.last_offset_delta) >= i64::from(h.record_count) - 1;
    if i64::from(h.last_offset_delta) != i64::from(h.record_count) - 1 && !holes_allowed {
        return Err(invalid(format!(
            "lastOffsetDelta {} does not match {} records",
            h.last_offset_delta, h.record_count
        )));
    }
    if let Compression::Unknown(n) = h.compression() {
        return Err(invalid(format!("unknown compression codec {n}")));
    }
    let raw = &batch[HEADER_LEN..];
    let data: Cow<[u8]> = match h.compression() {
        Compression::None => Cow::Borrowed(raw),
        c => Cow::Owned(
            crate::store::compression::decompress(c, raw)
                .map_err(|e| batch_err(BatchErrorKind::CorruptMessage, e.to_string()))?,
        ),
    };
    // Each record takes at least 7 bytes: a cheap bound before looping on a hostile count.
    if (h.record_count as usize) > data.len() / 7 + 1 {
        return Err(invalid(format!(
            "recordCount {} cannot fit in {} bytes of records",
            h.record_count,
            data.len()
        )));
    }
    let mut errors = Vec::new();
    let mut pos = 0usize;
    let mut prev_delta = -1i64;
    for i in 0..h.record_count {
        let expect = if holes_allowed {
            OffsetDelta::After(prev_delta)
        } else {
            OffsetDelta::Exactly(i64::from(i))
        };
        match check_record(&data, &mut pos, &h, expect, &mut prev_delta) {
            Ok(None) => {}
            Ok(Some(m)) => errors.push(RecordError {
                index: i,
                message: m,
            }),
            Err(m) => {
                errors.push(RecordError {
                    index: i,
                    message: m,
                });
                return Err(BatchError {
                    kind: BatchErrorKind::InvalidRecord,
                    message: format!("batch has {} malformed record(s)", errors.len()),
                    records: errors,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(BatchError {
            kind: BatchErrorKind::InvalidRecord,
            message: format!("batch has {} malformed record(s)", errors.len()),
            records: errors,
        });
    }
    if pos != data.len() {
        return Err(invalid(format!(
            "{} bytes left after the last record",
            data.len() - pos
        )));
    }
    Ok(h)
}

/// Checks the record at `*pos`. `Err` is a framing fault (the next record cannot be found);
/// `Ok(Some)` a fault inside a record whose framing is sound.
/// Which offsetDelta a record must have: its index (as produced), or more than the
/// previous record's and within the batch's range (a compacted batch).
#[derive(Clone, Copy)]
enum OffsetDelta {
    Exactly(i64),
    After(i64),
}

fn check_record(
    buf: &[u8],
    pos: &mut usize,
    h: &BatchHeader,
    expect: OffsetDelta,
    prev_delta: &mut i64,
) -> std::result::Result<Option<String>, String> {
    let len = varint::get(buf, pos).ok_or("bad record length varint")?;
    if len < 0 {
        return Err(format!("negative record length {len}"));
    }
    let end = pos
        .checked_add(len as usize)
        .filter(|e| *e <= buf.len())
        .ok_or_else(|| format!("record length {len} runs past the batch"))?;
    let body = &buf[..end];
    let mut p = *pos;
    let attrs = *body.get(p).ok_or("record ends before its attributes")?;
    p += 1;
    let ts_delta = varint::get(body, &mut p).ok_or("bad timestampDelta varlong")?;
    let off_delta = varint::get(body, &mut p).ok_or("bad offsetDelta varint")?;
    check_bytes(body, &mut p, "key")?;
    check_bytes(body, &mut p, "value")?;
    let hcount = varint::get(body, &mut p).ok_or("bad header count varint")?;
    if hcount < 0 {
        return Err(format!("negative header count {hcount}"));
    }
    if hcount as u64 > (end - p) as u64 / 2 {
        return Err(format!("header count {hcount} cannot fit in the record"));
    }
    for _ in 0..hcount {
        if check_bytes(body, &mut p, "header key")? < 0 {
            return Err("null header key".into());
        }
        check_bytes(body, &mut p, "header value")?;
    }
    if p != end {
        return Err(format!("{} bytes left inside the record", end - p));
    }
    *pos = end;
    if attrs != 0 {
        return Ok(Some(format!("record attributes {attrs} (must be 0)")));
    }
    if h.base_timestamp.checked_add(ts_delta).is_none() {
        return Ok(Some(format!("timestampDelta {ts_delta} overflows")));
    }
    match expect {
        OffsetDelta::Exactly(want) if off_delta != want => {
            return Ok(Some(format!("offsetDelta {off_delta}, expected {want}")));
        }
        OffsetDelta::After(prev)
            if off_delta <= prev || off_delta > i64::from(h.last_offset_delta) =>
        {
            return Ok(Some(format!(
                "offsetDelta {off_delta} is not after {prev} within lastOffsetDelta {}",
                h.last_offset_delta
            )));
        }
        _ => {}
    }
    *prev_delta = off_delta;
    Ok(None)
}

/// Checks a length-prefixed field; returns its length (-1 for null).
fn check_bytes(body: &[u8], p: &mut usize, what: &str) -> std::result::Result<i64, String> {
    let n = varint::get(body, p).ok_or_else(|| format!("bad {what} length varint"))?;
    if n < -1 {
        return Err(format!("{what} length {n}"));
    }
    if n > 0 {
        let e = p
            .checked_add(n as usize)
            .filter(|e| *e <= body.len())
            .ok_or_else(|| format!("{what} length {n} runs past the record"))?;
        *p = e;
    }
    Ok(n)
}

/// Kafka's `message.timestamp.type=LogAppendTime`: the broker stamps each batch with the
/// time it appends it (the batch's max timestamp and timestamp-type bit, the CRC again; the
/// records' own deltas stay as sent, readers take the batch's time for every record).
pub fn stamp_log_append_time(batch: &mut [u8], now: i64) {
    let attrs = be_i16(batch, 21) | ATTR_TIMESTAMP_LOG_APPEND;
    batch[21..23].copy_from_slice(&attrs.to_be_bytes());
    batch[35..43].copy_from_slice(&now.to_be_bytes());
    let crc = crc32c::crc32c(&batch[CRC_START..]);
    batch[17..21].copy_from_slice(&crc.to_be_bytes());
}

/// Whether every record of a valid batch has a key (what a compacted topic needs); the
/// index of the first that has none otherwise.
pub fn first_keyless(batch: &[u8], h: &BatchHeader) -> Result<Option<i32>> {
    let mut index = 0i32;
    let mut found = None;
    Records::new(batch, *h)?.for_each(|r| {
        if r.key.is_none() && found.is_none() {
            found = Some(index);
        }
        index += 1;
        Ok(())
    })?;
    Ok(found)
}

/// What compaction makes of one batch (`compact_batch`).
#[derive(Debug, PartialEq, Eq)]
pub enum Compacted {
    /// Every record is kept: the batch stays byte for byte.
    Unchanged,
    /// Some records are kept: the batch rewritten with only them.
    Rewritten(Vec<u8>),
    /// No record is kept.
    Empty,
}

/// Keeps the records of a stored batch that `keep` wants. A rewritten batch keeps its base
/// offset, offset range (`lastOffsetDelta`), timestamps, producer fields and codec, and its
/// records keep their offsets, so offsets after it never move and a producer's sequence
/// numbers stay what they were; its length, record count and CRC are new. Control batches are
/// never passed here.
pub fn compact_batch(
    batch: &[u8],
    h: &BatchHeader,
    mut keep: impl FnMut(&RecordView) -> bool,
) -> Result<Compacted> {
    let recs = Records::new(batch, *h)?;
    let data: &[u8] = &recs.data;
    let mut kept = Vec::with_capacity(data.len());
    let mut kept_count = 0i32;
    let mut pos = 0usize;
    for _ in 0..h.record_count {
        let start = pos;
        let rec = decode_record(data, &mut pos, h).ok_or_else(|| {
            Error::Corrupt(format!(
                "batch at offset {} has a malformed record",
                h.base_offset
            ))
        })?;
        if keep(&rec) {
            kept.extend_from_slice(&data[start..pos]);
            kept_count += 1;
        }
    }
    if kept_count == h.record_count {
        return Ok(Compacted::Unchanged);
    }
    if kept_count == 0 {
        return Ok(Compacted::Empty);
    }
    let body = crate::store::compression::compress(h.compression(), &kept)?;
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(&batch[..HEADER_LEN]);
    out.extend_from_slice(&body);
    let len = (out.len() - LOG_OVERHEAD) as i32;
    out[8..12].copy_from_slice(&len.to_be_bytes());
    out[57..61].copy_from_slice(&kept_count.to_be_bytes());
    let crc = crc32c::crc32c(&out[CRC_START..]);
    out[17..21].copy_from_slice(&crc.to_be_bytes());
    Ok(Compacted::Rewritten(out))
}

/// A batch whose records compaction removed but whose producer fields must stay (the
/// producer's last batch: its sequence number is what a retry is checked against). Same
/// header, no records.
pub fn emptied_batch(batch: &[u8]) -> Vec<u8> {
    let mut out = batch[..HEADER_LEN].to_vec();
    out[8..12].copy_from_slice(&((HEADER_LEN - LOG_OVERHEAD) as i32).to_be_bytes());
    out[21..23].copy_from_slice(&(be_i16(batch, 21) & !ATTR_COMPRESSION_MASK).to_be_bytes());
    out[57..61].copy_from_slice(&0i32.to_be_bytes());
    let crc = crc32c::crc32c(&out[CRC_START..]);
    out[17..21].copy_from_slice(&crc.to_be_bytes());
    out
}

/// The batch `kaf doctor --repair --salvage` puts where lost bytes held offsets
/// `[base, base + count)`, and compaction where it removed whole batches: a transactional
/// control batch without records, which readers and Kafka clients skip, so batches' offset
/// ranges stay contiguous and the records after keep their offsets.
pub fn salvage_filler(base: i64, count: i32, timestamp: i64) -> Vec<u8> {
    let mut b = vec![0u8; HEADER_LEN];
    b[0..8].copy_from_slice(&base.to_be_bytes());
    b[8..12].copy_from_slice(&((HEADER_LEN - LOG_OVERHEAD) as i32).to_be_bytes());
    b[16] = MAGIC as u8;
    b[21..23].copy_from_slice(&(ATTR_CONTROL | ATTR_TRANSACTIONAL).to_be_bytes());
    b[23..27].copy_from_slice(&(count - 1).to_be_bytes());
    b[27..35].copy_from_slice(&timestamp.to_be_bytes());
    b[35..43].copy_from_slice(&timestamp.to_be_bytes());
    b[43..51].copy_from_slice(&(-1i64).to_be_bytes());
    b[51..53].copy_from_slice(&(-1i16).to_be_bytes());
    b[53..57].copy_from_slice(&(-1i32).to_be_bytes());
    b[57..61].copy_from_slice(&0i32.to_be_bytes());
    let crc = crc32c::crc32c(&b[CRC_START..]);
    b[17..21].copy_from_slice(&crc.to_be_bytes());
    b
}

/// A batch of `records` values ("v0", "v1", ...) from idempotent producer `pid` at `epoch`
/// with first sequence `seq`, as a client builds it (tests of producer state).
#[cfg(test)]
pub(crate) fn idempotent_batch(pid: i64, epoch: i16, seq: i32, records: usize) -> Vec<u8> {
    let mut b = BatchBuilder::new();
    for i in 0..records {
        b.push_value(0, Some(format!("v{i}").as_bytes()));
    }
    let mut bytes = b.finish().to_vec();
    // The builder writes no producer fields; the CRC covers them, so recompute it.
    bytes[43..51].copy_from_slice(&pid.to_be_bytes());
    bytes[51..53].copy_from_slice(&epoch.to_be_bytes());
    bytes[53..57].copy_from_slice(&seq.to_be_bytes());
    let crc = crc32c::crc32c(&bytes[21..]);
    bytes[17..21].copy_from_slice(&crc.to_be_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn encode(recs: &[NewRecord]) -> Vec<u8> {
        let mut b = BatchBuilder::new();
        for r in recs {
            b.push(r);
        }
        b.finish().to_vec()
    }

    #[test]
    fn crc32c_known_values() {
        // RFC 3720 (iSCSI) test vectors, the CRC-32C that Kafka's Crc32C implements.
        assert_eq!(crc32c::crc32c(&[0u8; 32]), 0x8A91_36AA);
        assert_eq!(crc32c::crc32c(&[0xffu8; 32]), 0x62A8_AB43);
        let inc: Vec<u8> = (0u8..32).collect();
        assert_eq!(crc32c::crc32c(&inc), 0x46DD_794E);
        assert_eq!(crc32c::crc32c(b"123456789"), 0xE306_9283);
    }

    #[test]
    fn varint_known_values() {
        // Values from Kafka's ByteUtilsTest (zigzag varint encodings).
        let cases: &[(i64, &[u8])] = &[
            (0, &[0x00]),
            (-1, &[0x01]),
            (1, &[0x02]),
            (63, &[0x7e]),
            (-64, &[0x7f]),
            (64, &[0x80, 0x01]),
            (-65, &[0x81, 0x01]),
            (8191, &[0xfe, 0x7f]),
            (-8192, &[0xff, 0x7f]),
            (8192, &[0x80, 0x80, 0x01]),
            (i32::MAX as i64, &[0xfe, 0xff, 0xff, 0xff, 0x0f]),
            (i32::MIN as i64, &[0xff, 0xff, 0xff, 0xff, 0x0f]),
            (
                i64::MAX,
                &[0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            ),
            (
                i64::MIN,
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
            ),
        ];
        for (v, bytes) in cases {
            let mut buf = Vec::new();
            varint::put(&mut buf, *v);
            assert_eq!(&buf[..], *bytes, "encoding {v}");
            assert_eq!(varint::size(*v), bytes.len(), "size of {v}");
            let mut pos = 0;
            assert_eq!(varint::get(&buf, &mut pos), Some(*v));
            assert_eq!(pos, bytes.len());
        }
    }

    #[test]
    fn varint_rejects_overlong() {
        let mut pos = 0;
        assert_eq!(varint::get(&[0xff; 11], &mut pos), None);
        let mut pos = 0;
        assert_eq!(varint::get(&[0x80], &mut pos), None);
    }

    #[test]
    fn header_fields_match_kafka_layout() {
        let hdrs = vec![(b"h".to_vec(), Some(b"v".to_vec()))];
        let mut bytes = encode(&[
            NewRecord {
                timestamp: 1000,
                key: Some(b"k"),
                value: Some(b"hello"),
                headers: &hdrs,
            },
            NewRecord {
                timestamp: 1005,
                key: None,
                value: None,
                headers: &[],
            },
        ]);
        set_base_offset(&mut bytes, 42);
        let Scan::Batch(h, len) = scan(&bytes) else {
            panic!("not a batch")
        };
        assert_eq!(len, bytes.len());
        assert_eq!(h.base_offset, 42);
        assert_eq!(h.record_count, 2);
        assert_eq!(h.last_offset_delta, 1);
        assert_eq!(h.base_timestamp, 1000);
        assert_eq!(h.max_timestamp, 1005);
        assert_eq!(h.producer_id, -1);
        assert_eq!(bytes[16], 2);
        let recs = Records::new(&bytes, h).unwrap();
        let mut got = Vec::new();
        recs.for_each(|r| {
            got.push((
                r.offset,
                r.timestamp,
                r.key.map(<[u8]>::to_vec),
                r.value.map(<[u8]>::to_vec),
                r.headers()
                    .map(|(k, v)| (k.to_vec(), v.map(<[u8]>::to_vec)))
                    .collect::<Vec<_>>(),
            ));
            Ok(())
        })
        .unwrap();
        assert_eq!(
            got,
            vec![
                (42, 1000, Some(b"k".to_vec()), Some(b"hello".to_vec()), hdrs),
                (43, 1005, None, None, vec![]),
            ]
        );
    }

    #[test]
    fn finishing_twice_gives_the_same_valid_batch() {
        let mut b = BatchBuilder::new();
        b.push(&NewRecord {
            timestamp: 5,
            key: None,
            value: Some(b"one"),
            headers: &[],
        });
        let first = b.finish().to_vec();
        // What a log does to the finished bytes: rewrite the base offset.
        set_base_offset(b.finish(), 99);
        let mut again = b.finish().to_vec();
        assert_eq!(again, first);
        set_base_offset(&mut again, 99);
        assert!(matches!(scan(&again), Scan::Batch(..)));
        // A record added after finishing is covered by the next CRC.
        b.push(&NewRecord {
            timestamp: 6,
            key: None,
            value: Some(b"two"),
            headers: &[],
        });
        let two = b.finish().to_vec();
        let Scan::Batch(h, _) = scan(&two) else {
            panic!("not a batch")
        };
        assert_eq!(h.record_count, 2);
        b.clear();
        b.push(&NewRecord {
            timestamp: 7,
            key: None,
            value: Some(b"three"),
            headers: &[],
        });
        assert!(matches!(scan(b.finish()), Scan::Batch(..)));
    }

    #[test]
    fn any_flipped_byte_after_offset_fields_is_caught() {
        let bytes = encode(&[NewRecord {
            timestamp: 7,
            key: None,
            value: Some(b"payload"),
            headers: &[],
        }]);
        for i in CRC_START..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x40;
            assert!(
                matches!(scan(&b), Scan::Invalid(_)),
                "flip at {i} not detected"
            );
        }
        for cut in 0..bytes.len() {
            assert!(!matches!(scan(&bytes[..cut]), Scan::Batch(..)));
        }
    }

    type Rec = (
        i64,
        Option<Vec<u8>>,
        Option<Vec<u8>>,
        Vec<(Vec<u8>, Option<Vec<u8>>)>,
    );

    fn arb_record() -> impl Strategy<Value = Rec> {
        (
            any::<i64>(),
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..40)),
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..300)),
            proptest::collection::vec(
                (
                    proptest::collection::vec(any::<u8>(), 0..10),
                    proptest::option::of(proptest::collection::vec(any::<u8>(), 0..10)),
                ),
                0..4,
            ),
        )
    }

    /// A batch around a hand-made records section, with a correct CRC.
    fn raw_batch(attrs: i16, count: i32, last_delta: i32, records: &[u8]) -> Vec<u8> {
        let mut b = vec![0u8; HEADER_LEN];
        b.extend_from_slice(records);
        let len = b.len();
        b[8..12].copy_from_slice(&((len - LOG_OVERHEAD) as i32).to_be_bytes());
        b[16] = MAGIC as u8;
        b[21..23].copy_from_slice(&attrs.to_be_bytes());
        b[23..27].copy_from_slice(&last_delta.to_be_bytes());
        b[57..61].copy_from_slice(&count.to_be_bytes());
        let crc = crc32c::crc32c(&b[CRC_START..]);
        b[17..21].copy_from_slice(&crc.to_be_bytes());
        b
    }

    /// One record body (after its length) with the given deltas, key length and value.
    fn rec(off_delta: i64, key_len: i64, value: &[u8], hcount: i64) -> Vec<u8> {
        let mut body = vec![0u8];
        varint::put(&mut body, 0);
        varint::put(&mut body, off_delta);
        varint::put(&mut body, key_len);
        varint::put(&mut body, value.len() as i64);
        body.extend_from_slice(value);
        varint::put(&mut body, hcount);
        let mut out = Vec::new();
        varint::put(&mut out, body.len() as i64);
        out.extend_from_slice(&body);
        out
    }

    #[test]
    fn validate_accepts_built_batches_and_the_filler() {
        let mut b = BatchBuilder::new();
        b.push_value(1, Some(b"a"));
        b.push_value(2, None);
        assert!(validate_batch(b.finish()).is_ok());
        let f = salvage_filler(10, 5, 0);
        let Scan::Batch(h, _) = scan(&f) else {
            panic!("filler is not a batch")
        };
        assert_eq!(h.next_offset(), 15);
        assert!(validate_stored(&f).is_ok());
        assert!(validate_batch(&f).is_err(), "a producer may not send it");
    }

    #[test]
    fn validate_names_each_malformed_record() {
        let good = |i| rec(i, -1, b"v", 0);
        let cases: Vec<(Vec<u8>, i32, &str)> = vec![
            ([good(0), rec(5, -1, b"v", 0)].concat(), 1, "offsetDelta 5"),
            ([good(0), rec(1, -5, b"", 0)].concat(), 1, "key length -5"),
            (
                [good(0), rec(1, -1, b"v", -1)].concat(),
                1,
                "negative header count",
            ),
            ([good(0), vec![0x7e]].concat(), 1, "runs past"),
            ([good(0), vec![0x01]].concat(), 1, "negative record length"),
            ([good(0), vec![0xff; 11]].concat(), 1, "bad record length"),
        ];
        for (records, bad, what) in cases {
            let b = raw_batch(0, 2, 1, &records);
            let e = validate_batch(&b).unwrap_err();
            assert_eq!(e.kind, BatchErrorKind::InvalidRecord, "{what}");
            assert_eq!(e.records.last().unwrap().index, bad, "{what}: {e}");
            assert!(e.to_string().contains(what), "{what}: {e}");
        }
        // A record with bytes left inside it.
        let mut r = rec(0, -1, b"v", 0);
        r[0] += 2;
        r.extend_from_slice(&[0, 0]);
        assert!(validate_batch(&raw_batch(0, 1, 0, &r)).is_err());
    }

    #[test]
    fn validate_checks_the_batch_header() {
        let one = rec(0, -1, b"v", 0);
        let check = |b: Vec<u8>, what: &str| {
            let e = validate_batch(&b).unwrap_err();
            assert!(e.to_string().contains(what), "{what}: {e}");
        };
        check(raw_batch(0, 0, 0, &[]), "no records");
        check(raw_batch(0, 1, 3, &one), "lastOffsetDelta 3");
        check(raw_batch(7, 1, 0, &one), "unknown compression codec 7");
        check(raw_batch(5, 1, 0, &one), "unknown compression codec 5");
        check(raw_batch(ATTR_CONTROL, 1, 0, &one), "non-transactional");
        check(
            raw_batch(0, 1, 0, &[one.clone(), vec![0]].concat()),
            "left after",
        );
        check(raw_batch(1, 1, 0, b"not gzip at all"), "decompress");
        check(raw_batch(4, 1, 0, b"not zstd at all"), "decompress");
        let mut b = raw_batch(0, 1, 0, &one);
        let n = b.len();
        b[n - 1] ^= 1;
        let e = validate_batch(&b).unwrap_err();
        assert_eq!(e.kind, BatchErrorKind::CorruptMessage);
        // Compressed and well formed: accepted.
        use kafka_protocol::compression::{Compressor, Gzip};
        let mut z = bytes::BytesMut::new();
        Gzip::compress(&mut z, |out: &mut bytes::BytesMut| {
            out.extend_from_slice(&one);
            Ok(())
        })
        .unwrap();
        assert!(validate_batch(&raw_batch(1, 1, 0, &z)).is_ok());
    }

    proptest! {
        #[test]
        fn round_trip(recs in proptest::collection::vec(arb_record(), 1..20), base in 0i64..1<<50) {
            let mut b = BatchBuilder::new();
            let mut estimate = HEADER_LEN;
            for (ts, k, v, h) in &recs {
                let r = NewRecord { timestamp: *ts, key: k.as_deref(), value: v.as_deref(), headers: h };
                estimate += BatchBuilder::record_size(&r);
                b.push(&r);
            }
            prop_assert!(b.size() <= estimate);
            let mut bytes = b.finish().to_vec();
            set_base_offset(&mut bytes, base);
            let Scan::Batch(h, len) = scan(&bytes) else { panic!("scan failed") };
            prop_assert_eq!(len, bytes.len());
            let r = Records::new(&bytes, h).unwrap();
            let mut i = 0usize;
            r.for_each(|rv| {
                let (ts, k, v, hs) = &recs[i];
                assert_eq!(rv.offset, base + i as i64);
                assert_eq!(rv.timestamp, *ts);
                assert_eq!(rv.key, k.as_deref());
                assert_eq!(rv.value, v.as_deref());
                let got: Vec<_> = rv.headers().map(|(k, v)| (k.to_vec(), v.map(<[u8]>::to_vec))).collect();
                assert_eq!(&got, hs);
                i += 1;
                Ok(())
            }).unwrap();
            prop_assert_eq!(i, recs.len());
        }

        #[test]
        fn push_value_matches_push(
            recs in proptest::collection::vec(
                (any::<i64>(), proptest::option::of(proptest::collection::vec(any::<u8>(), 0..300))),
                1..40,
            ),
        ) {
            let (mut a, mut b) = (BatchBuilder::new(), BatchBuilder::new());
            for (ts, v) in &recs {
                a.push(&NewRecord { timestamp: *ts, key: None, value: v.as_deref(), headers: &[] });
                b.push_value(*ts, v.as_deref());
            }
            prop_assert_eq!(a.finish().to_vec(), b.finish().to_vec());
        }

        #[test]
        fn varint_round_trip(v in any::<i64>(), slack in 0usize..4) {
            let mut buf = Vec::new();
            varint::put(&mut buf, v);
            let len = buf.len();
            prop_assert_eq!(len, varint::size(v));
            let mut fixed = [0u8; varint::MAX_LEN];
            prop_assert_eq!(varint::write(&mut fixed, 0, v), len);
            prop_assert_eq!(&fixed[..len], &buf[..]);
            buf.extend(std::iter::repeat_n(0x80, slack));
            let mut pos = 0;
            prop_assert_eq!(varint::get(&buf, &mut pos), Some(v));
            prop_assert_eq!(pos, len);
            // Any cut inside the encoding is not a value.
            for cut in 0..len {
                let mut pos = 0;
                prop_assert_eq!(varint::get(&buf[..cut], &mut pos), None);
            }
        }

        #[test]
        fn built_batches_validate(recs in proptest::collection::vec(arb_record(), 1..20)) {
            let mut b = BatchBuilder::new();
            for (ts, k, v, h) in &recs {
                // Timestamps whose deltas overflow i64 are not valid in Kafka either.
                let ts = ts / 4;
                b.push(&NewRecord { timestamp: ts, key: k.as_deref(), value: v.as_deref(), headers: h });
            }
            prop_assert!(validate_batch(b.finish()).is_ok());
        }

        #[test]
        fn validate_never_panics_inside_a_valid_crc(
            attrs in 0i16..64,
            count in -2i32..40,
            delta in -2i32..40,
            records in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            let b = raw_batch(attrs, count, delta, &records);
            let _ = validate_batch(&b);
            let _ = validate_stored(&b);
        }

        #[test]
        fn scan_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            if let Scan::Batch(h, _) = scan(&bytes)
                && let Ok(r) = Records::new(&bytes, h)
            {
                let _ = r.for_each(|_| Ok(()));
            }
        }
    }
}
