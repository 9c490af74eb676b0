"""Views: data from the services turned into Persian text and inline keyboards."""
