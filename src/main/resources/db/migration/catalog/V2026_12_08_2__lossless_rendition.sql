-- A lossless upload also streams losslessly: FLAC in fragmented MP4 segments, which need their initialisation
-- segment (EXT-X-MAP) first. init_key names it; MPEG-TS renditions have none.
ALTER TABLE track_renditions ADD COLUMN init_key TEXT;
