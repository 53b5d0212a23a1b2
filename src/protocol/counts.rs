//! The declared counts of a Kafka message, checked before the codec sees it.
//!
//! Why: the `kafka-protocol` decoder reserves `count × element size` bytes as soon as it
//! reads an array's count, before reading any element. A 15-byte frame declaring 2^31
//! elements asks for gigabytes, and an allocation failure aborts the whole process (found by
//! the `server_frame` fuzz target; a hostile broker can do the same to the client). Every
//! array element takes at least one byte on the wire, so a count larger than the bytes left
//! in the frame can never be valid: `check` walks the message's layout and refuses such a
//! count before the codec reserves anything. Strings and byte fields are safe already (the
//! codec checks their length against the frame first).
//!
//! The layouts are per message type because the wire format is not self-describing: a count
//! is only recognisable as one with the schema in hand. The server's request layouts live in
//! `server::api::counts`, the client's response layouts in `protocol::responses`; both
//! follow Kafka's message definitions as the codec implements them, and their tests hold
//! them against the codec. When the walk runs out of bytes the frame is malformed in a way
//! the codec reports itself (having read the same bytes), so `check` lets it.

use std::fmt;

/// A field's wire type.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ty {
    /// Fixed width: integers, booleans, UUIDs.
    Fixed(usize),
    /// A (nullable) string: i16 length, or a varint length + 1 in flexible versions.
    Str,
    /// (Nullable) bytes or records: i32 length, or a varint length + 1.
    Bytes,
    /// An array of structs (each ends in tagged fields in flexible versions).
    Structs(&'static [Field]),
    /// An array of plain values.
    List(&'static Ty),
    /// One struct (a known tagged field's value): its fields, then tagged fields.
    Struct(&'static [Field]),
    /// A nullable struct: an i8 (1 if present), then the struct if it is.
    OptStruct(&'static [Field]),
}

/// A field, present in versions `min..=max`; a tagged field if `tag` is set (read, in the
/// struct's tagged section, from where its tag and size end, as the codec reads it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    ty: Ty,
    min: i16,
    max: i16,
    tag: Option<u32>,
}

pub(crate) const BOOL: Ty = Ty::Fixed(1);
pub(crate) const I8: Ty = Ty::Fixed(1);
pub(crate) const I16: Ty = Ty::Fixed(2);
pub(crate) const I32: Ty = Ty::Fixed(4);
pub(crate) const I64: Ty = Ty::Fixed(8);
pub(crate) const UUID: Ty = Ty::Fixed(16);
pub(crate) const STR: Ty = Ty::Str;
pub(crate) const BYTES: Ty = Ty::Bytes;

pub(crate) const fn all(ty: Ty) -> Field {
    Field {
        ty,
        min: 0,
        max: i16::MAX,
        tag: None,
    }
}
pub(crate) const fn since(min: i16, ty: Ty) -> Field {
    Field {
        ty,
        min,
        max: i16::MAX,
        tag: None,
    }
}
pub(crate) const fn until(max: i16, ty: Ty) -> Field {
    Field {
        ty,
        min: 0,
        max,
        tag: None,
    }
}
pub(crate) const fn between(min: i16, max: i16, ty: Ty) -> Field {
    Field {
        ty,
        min,
        max,
        tag: None,
    }
}
pub(crate) const fn tagged(tag: u32, min: i16, ty: Ty) -> Field {
    Field {
        ty,
        min,
        max: i16::MAX,
        tag: Some(tag),
    }
}

/// A declared count the rest of the frame cannot hold.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TooMany {
    pub(crate) declared: u64,
    pub(crate) left: usize,
}

impl fmt::Display for TooMany {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an array declares {} elements but only {} bytes follow",
            self.declared, self.left
        )
    }
}

enum Stop {
    /// The frame ended early: malformed, and the codec will say so.
    Short,
    TooMany(TooMany),
}

struct Walk<'a> {
    buf: &'a [u8],
    at: usize,
    version: i16,
    flexible: bool,
}

impl Walk<'_> {
    fn left(&self) -> usize {
        self.buf.len() - self.at
    }

    fn skip(&mut self, n: u64) -> Result<(), Stop> {
        if n > self.left() as u64 {
            return Err(Stop::Short);
        }
        self.at += n as usize;
        Ok(())
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], Stop> {
        let b = self.buf.get(self.at..self.at + N).ok_or(Stop::Short)?;
        self.at += N;
        Ok(b.try_into().expect("N bytes"))
    }

    /// An unsigned varint read exactly as the codec reads it: at most five bytes (the fifth
    /// ends it whatever its top bit says), bits past 32 dropped.
    fn uvarint(&mut self) -> Result<u64, Stop> {
        let mut v = 0u32;
        for i in 0..5 {
            let [b] = self.take::<1>()?;
            v |= u32::from(b & 0x7f) << (i * 7);
            if b < 0x80 {
                break;
            }
        }
        Ok(u64::from(v))
    }

    /// A length or count: `None` for null (-1).
    fn length(&mut self, wide: bool) -> Result<Option<u64>, Stop> {
        if self.flexible {
            return Ok(self.uvarint()?.checked_sub(1));
        }
        let n = if wide {
            i64::from(i32::from_be_bytes(self.take()?))
        } else {
            i64::from(i16::from_be_bytes(self.take()?))
        };
        Ok(u64::try_from(n).ok())
    }

    fn count(&mut self) -> Result<u64, Stop> {
        let n = self.length(true)?.unwrap_or(0);
        if n > self.left() as u64 {
            return Err(Stop::TooMany(TooMany {
                declared: n,
                left: self.left(),
            }));
        }
        Ok(n)
    }

    fn fields(&mut self, fields: &[Field]) -> Result<(), Stop> {
        let version = self.version;
        let here = |f: &&Field| (f.min..=f.max).contains(&version);
        for f in fields.iter().filter(here).filter(|f| f.tag.is_none()) {
            self.value(&f.ty)?;
        }
        if self.flexible {
            // Tagged fields: a count, then (tag, size, value) each. The codec reads a known
            // tag's value from the frame whatever its size says, and skips unknown ones.
            for _ in 0..self.uvarint()? {
                let tag = self.uvarint()?;
                let size = self.uvarint()?;
                match fields
                    .iter()
                    .filter(here)
                    .find(|f| f.tag.map(u64::from) == Some(tag))
                {
                    Some(f) => self.value(&f.ty)?,
                    None => self.skip(size)?,
                }
            }
        }
        Ok(())
    }

    fn value(&mut self, ty: &Ty) -> Result<(), Stop> {
        match ty {
            Ty::Fixed(n) => self.skip(*n as u64),
            Ty::Str => match self.length(false)? {
                Some(n) => self.skip(n),
                None => Ok(()),
            },
            Ty::Bytes => match self.length(true)? {
                Some(n) => self.skip(n),
                None => Ok(()),
            },
            Ty::Structs(fields) => {
                for _ in 0..self.count()? {
                    self.fields(fields)?;
                }
                Ok(())
            }
            Ty::Struct(fields) => self.fields(fields),
            Ty::OptStruct(fields) => match self.take::<1>()? {
                [1] => self.fields(fields),
                _ => Ok(()),
            },
            Ty::List(t) => {
                for _ in 0..self.count()? {
                    self.value(t)?;
                }
                Ok(())
            }
        }
    }
}

/// Checks every array count `body` (a message after its header) declares against the bytes
/// that follow it.
pub(crate) fn check(
    fields: &[Field],
    version: i16,
    flexible: bool,
    body: &[u8],
) -> Result<(), TooMany> {
    let mut w = Walk {
        buf: body,
        at: 0,
        version,
        flexible,
    };
    match w.fields(fields) {
        Ok(()) | Err(Stop::Short) => Ok(()),
        Err(Stop::TooMany(t)) => Err(t),
    }
}

/// How many bytes of `body` the walk consumes (None if it stops early), for the tests that
/// hold the layouts against the codec.
#[cfg(test)]
pub(crate) fn consumed(
    fields: &[Field],
    version: i16,
    flexible: bool,
    body: &[u8],
) -> Option<usize> {
    let mut w = Walk {
        buf: body,
        at: 0,
        version,
        flexible,
    };
    w.fields(fields).ok().map(|()| w.at)
}
