//! SCRAM (RFC 5802, RFC 7677) credential arithmetic as Kafka's `ScramFormatter` does it:
//! salted password (PBKDF2 over HMAC), client and server keys, stored key, signatures and
//! proofs, for SCRAM-SHA-256 and SCRAM-SHA-512. Pure, except `random_bytes`. The password
//! is used as its UTF-8 bytes (Kafka applies no SASLprep either).

use hmac::{KeyInit, Mac};

/// Kafka's smallest and largest accepted iteration counts (`ScramMechanism`).
pub(crate) const MIN_ITERATIONS: i32 = 4096;
pub(crate) const MAX_ITERATIONS: i32 = 16384;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mechanism {
    Sha256,
    Sha512,
}

impl Mechanism {
    pub(crate) const ALL: [Mechanism; 2] = [Mechanism::Sha256, Mechanism::Sha512];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Mechanism::Sha256 => "SCRAM-SHA-256",
            Mechanism::Sha512 => "SCRAM-SHA-512",
        }
    }

    pub(crate) fn from_name(n: &str) -> Option<Mechanism> {
        Mechanism::ALL.into_iter().find(|m| m.name() == n)
    }

    /// Kafka's `ScramMechanism` type byte (DescribeUserScramCredentials and
    /// AlterUserScramCredentials): 1 SHA-256, 2 SHA-512.
    pub(crate) fn wire(self) -> i8 {
        match self {
            Mechanism::Sha256 => 1,
            Mechanism::Sha512 => 2,
        }
    }

    pub(crate) fn from_wire(t: i8) -> Option<Mechanism> {
        Mechanism::ALL.into_iter().find(|m| m.wire() == t)
    }

    pub(crate) fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        match self {
            Mechanism::Sha256 => {
                let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key)
                    .expect("HMAC takes keys of any length");
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
            Mechanism::Sha512 => {
                let mut m = hmac::Hmac::<sha2::Sha512>::new_from_slice(key)
                    .expect("HMAC takes keys of any length");
                m.update(data);
                m.finalize().into_bytes().to_vec()
            }
        }
    }

    pub(crate) fn hash(self, data: &[u8]) -> Vec<u8> {
        use sha2::Digest;
        match self {
            Mechanism::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Mechanism::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }

    /// `Hi(password, salt, i)`: PBKDF2 with this mechanism's HMAC.
    pub(crate) fn salted_password(self, password: &[u8], salt: &[u8], iterations: u32) -> Vec<u8> {
        match self {
            Mechanism::Sha256 => {
                let mut out = vec![0u8; 32];
                pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, salt, iterations, &mut out);
                out
            }
            Mechanism::Sha512 => {
                let mut out = vec![0u8; 64];
                pbkdf2::pbkdf2_hmac::<sha2::Sha512>(password, salt, iterations, &mut out);
                out
            }
        }
    }
}

/// What a server keeps of a password (Kafka's `ScramCredential`): never the password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Credential {
    pub(crate) salt: Vec<u8>,
    pub(crate) iterations: i32,
    pub(crate) stored_key: Vec<u8>,
    pub(crate) server_key: Vec<u8>,
}

impl Credential {
    /// The credential of a salted password (what AlterUserScramCredentials carries).
    pub(crate) fn from_salted(
        mech: Mechanism,
        salted: &[u8],
        salt: Vec<u8>,
        iterations: i32,
    ) -> Credential {
        let client_key = mech.hmac(salted, b"Client Key");
        Credential {
            salt,
            iterations,
            stored_key: mech.hash(&client_key),
            server_key: mech.hmac(salted, b"Server Key"),
        }
    }

    pub(crate) fn new(mech: Mechanism, password: &[u8], salt: Vec<u8>, iterations: i32) -> Self {
        let salted = mech.salted_password(password, &salt, iterations.max(1) as u32);
        Credential::from_salted(mech, &salted, salt, iterations)
    }

    /// Whether `password` is the one this credential was made from (SASL/PLAIN is checked
    /// this way, so no password is ever stored). Constant time in the compared bytes.
    pub(crate) fn matches_password(&self, mech: Mechanism, password: &[u8]) -> bool {
        let other = Credential::new(mech, password, self.salt.clone(), self.iterations);
        constant_time_eq(&other.stored_key, &self.stored_key)
    }

    /// Checks a client proof over `auth_message` (RFC 5802 §3): the client key recovered
    /// from the proof must hash to the stored key.
    pub(crate) fn verify_proof(&self, mech: Mechanism, auth_message: &[u8], proof: &[u8]) -> bool {
        let signature = mech.hmac(&self.stored_key, auth_message);
        if proof.len() != signature.len() {
            return false;
        }
        let client_key: Vec<u8> = proof.iter().zip(&signature).map(|(a, b)| a ^ b).collect();
        constant_time_eq(&mech.hash(&client_key), &self.stored_key)
    }

    pub(crate) fn server_signature(&self, mech: Mechanism, auth_message: &[u8]) -> Vec<u8> {
        mech.hmac(&self.server_key, auth_message)
    }
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `n` bytes from the operating system's secure random source (through rustls' provider).
pub(crate) fn random_bytes(n: usize) -> Vec<u8> {
    let mut b = vec![0u8; n];
    rustls::crypto::ring::default_provider()
        .secure_random
        .fill(&mut b)
        .expect("the system's random source works");
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7677 §3's SCRAM-SHA-256 example: user "user", password "pencil".
    #[test]
    fn rfc7677_example() {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD;
        let m = Mechanism::Sha256;
        let salt = b64.decode("W22ZaJ0SNY7soEsUEjb6gQ==").unwrap();
        let cred = Credential::new(m, b"pencil", salt, 4096);
        let auth = "n=user,r=rOprNGfwEbeRWgbNEkqO,\
r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,\
c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        let proof = b64
            .decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
            .unwrap();
        assert!(cred.verify_proof(m, auth.as_bytes(), &proof));
        let mut bad = proof.clone();
        bad[0] ^= 1;
        assert!(!cred.verify_proof(m, auth.as_bytes(), &bad));
        assert_eq!(
            b64.encode(cred.server_signature(m, auth.as_bytes())),
            "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
        );
        assert!(cred.matches_password(m, b"pencil"));
        assert!(!cred.matches_password(m, b"pencil2"));
    }
}
