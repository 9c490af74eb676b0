-- Reports and /stats: count finished deliveries by outcome, all time and since a moment, without a table scan.
CREATE INDEX deliveries_finished ON deliveries (status, finished_at);
