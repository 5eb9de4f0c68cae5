"""Registration for opportunities on the platform: places, the waiting list, the provider's
questions, cancellation, the emails and the reminders."""
