-- Connectors we call with a bearer token (the tax engine) keep that token as a ConnectorSecret
-- with purpose OUTBOUND_TOKEN: encrypted like signing secrets (we must send it, so it cannot be
-- hashed), rotated and revoked the same way, and never mistaken for an HMAC key.
-- AlterEnum
ALTER TYPE "ConnectorSecretPurpose" ADD VALUE 'OUTBOUND_TOKEN';
