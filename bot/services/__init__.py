"""The application layer: what officers, journalists and admins can do, without any messenger."""
