-- Trimming a hook's delivery log drops an event once no hook has a delivery of it left; that
-- check (and the cascade from webhook_events) looks deliveries up by event.
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);
