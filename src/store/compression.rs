//! Decompression of compressed record batches (gzip, snappy, lz4, zstd).
//!
//! kaf never compresses what it writes itself; compressed batches arrive from Kafka clients
//! through the server and are stored as sent, so readers must be able to open them. The
//! codecs are the `kafka-protocol` crate's, which know Kafka's framing quirks (xerial snappy).

use bytes::{Buf, Bytes};
use kafka_protocol::compression::{Decompressor, Gzip, Lz4, Snappy, Zstd};

use super::batch::Compression;
use crate::error::{Error, Result};

/// Returns the uncompressed records section of a batch.
pub fn decompress(codec: Compression, data: &[u8]) -> Result<Vec<u8>> {
    let mut src = Bytes::copy_from_slice(data);
    let take = |b: &mut Bytes| Ok(b.copy_to_bytes(b.remaining()).to_vec());
    let out = match codec {
        Compression::None => return Ok(data.to_vec()),
        Compression::Gzip => Gzip::decompress(&mut src, take),
        Compression::Snappy => Snappy::decompress(&mut src, take),
        Compression::Lz4 => Lz4::decompress(&mut src, take),
        Compression::Zstd => Zstd::decompress(&mut src, take),
        Compression::Unknown(n) => {
            return Err(Error::Corrupt(format!("unknown compression codec {n}")));
        }
    };
    out.map_err(|e| Error::Corrupt(format!("cannot decompress {codec:?} batch: {e:#}")))
}
