"""A small public-key infrastructure made for the tests, shaped like Amazon's.

A root CA, an intermediate, and a leaf for ``echo-api.amazon.com`` (key usage digital
signature, extended key usage server auth), like the chain Alexa's ``SignatureCertChainUrl``
points at; plus the broken variants the verifier must refuse. Keys are made once per test
session (RSA key generation is the slow part).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ECHO_API = "echo-api.amazon.com"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Cookalong Test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key_usage(*, digital_signature: bool = False, cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=digital_signature,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass(frozen=True)
class Authority:
    """A CA: its certificate and the key it signs with."""

    certificate: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


def root_ca(common_name: str) -> Authority:
    """A self-signed root, valid for ten years around now."""
    key = _key()
    now = datetime.now(UTC)
    name = _name(common_name)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=365))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(certificate, key)


def issue(
    issuer: Authority,
    public_key: rsa.RSAPublicKey,
    *,
    common_name: str,
    ca: bool = False,
    san: tuple[str, ...] = (ECHO_API,),
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    digital_signature: bool = True,
) -> x509.Certificate:
    """A certificate for ``public_key`` signed by ``issuer``; a leaf unless ``ca``."""
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer.certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - timedelta(days=30))
        .not_valid_after(not_after or now + timedelta(days=300))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    )
    if ca:
        builder = builder.add_extension(
            x509.BasicConstraints(ca=True, path_length=0), critical=True
        ).add_extension(_key_usage(cert_sign=True), critical=True)
    else:
        builder = (
            builder.add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(digital_signature=digital_signature), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(
                x509.SubjectAlternativeName([x509.DNSName(name) for name in san]), critical=False
            )
        )
    return builder.sign(issuer.key, hashes.SHA256())


def pem_chain(*certificates: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


class TestPKI:
    """Everything the verification tests sign and serve. Build once per session."""

    __test__ = False  # not a test class

    def __init__(self) -> None:
        self.root = root_ca("Cookalong Test Root CA")
        intermediate_key = _key()
        self.intermediate = Authority(
            issue(
                self.root,
                intermediate_key.public_key(),
                common_name="Cookalong Test Intermediate CA",
                ca=True,
            ),
            intermediate_key,
        )
        self.signing_key = _key()
        self.leaf = self.leaf_certificate()

    def leaf_certificate(self, **options: object) -> x509.Certificate:
        """An echo-api.amazon.com leaf for :attr:`signing_key`; options as for :func:`issue`."""
        options.setdefault("common_name", ECHO_API)
        return issue(self.intermediate, self.signing_key.public_key(), **options)  # type: ignore[arg-type]

    def chain(self, leaf: x509.Certificate | None = None) -> bytes:
        """The PEM document Amazon would serve: leaf first, then the intermediate."""
        return pem_chain(leaf or self.leaf, self.intermediate.certificate)

    @cached_property
    def rogue(self) -> TestPKI:
        """Another PKI, identical in shape, whose root nobody trusts."""
        return TestPKI()

    def sign(self, body: bytes, key: rsa.RSAPrivateKey | None = None) -> str:
        """The ``Signature-256`` header Alexa would send for ``body``."""
        signature = (key or self.signing_key).sign(body, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode("ascii")
