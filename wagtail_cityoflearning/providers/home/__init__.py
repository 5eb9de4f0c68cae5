"""The provider's home in the admin: their opportunities, next sessions, registrations,
evidence waiting for review and badges awarded."""
