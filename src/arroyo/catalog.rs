//! Registered connectors as Arroyo's `Connector` view (`GET /v1/connectors`).
