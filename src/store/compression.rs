//! Decompression of compressed record batches (gzip, snappy, lz4, zstd).
//!
//! kaf never compresses what producers hand it; compressed batches arrive from Kafka clients
//! through the server and are stored as sent, so readers must be able to open them. The one
//! writer that compresses is compaction, which puts a batch it shortened back in the codec it
//! came in. The codecs are the `kafka-protocol` crate's, which know Kafka's framing quirks
//! (xerial snappy).

use bytes::{Buf, Bytes};
use kafka_protocol::compression::{Compressor, Decompressor, Gzip, Lz4, Snappy, Zstd};

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

/// Compresses a records section with `codec` (compaction re-encoding a batch it shortened).
pub fn compress(codec: Compression, data: &[u8]) -> Result<Vec<u8>> {
    let mut out = bytes::BytesMut::new();
    let fill = |b: &mut bytes::BytesMut| {
        b.extend_from_slice(data);
        Ok(())
    };
    let done = match codec {
        Compression::None => return Ok(data.to_vec()),
        Compression::Gzip => Gzip::compress(&mut out, fill),
        Compression::Snappy => Snappy::compress(&mut out, fill),
        Compression::Lz4 => Lz4::compress(&mut out, fill),
        Compression::Zstd => Zstd::compress(&mut out, fill),
        Compression::Unknown(n) => {
            return Err(Error::Corrupt(format!("unknown compression codec {n}")));
        }
    };
    done.map_err(|e| Error::Other(format!("cannot compress a batch ({codec:?}): {e:#}")))?;
    Ok(out.to_vec())
}
