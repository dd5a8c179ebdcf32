"""Periodic tasks of every app, queued by one scheduler (`kintrace scheduler`)."""
