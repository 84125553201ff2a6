-- migrations/geocoding/V0002__create_caches_and_centroids.sql
-- owner: geocoding-service · reversible: yes (DROP the three tables: caches refill, centroids are
--        re-imported with `geocoding import-plz`) · transaction: yes
-- why: the data model of spec geocoding.md §3 with the spec's index names and table comment.
--      Nothing here references another schema.
CREATE TABLE geocoding_service.geocache (
    id           serial PRIMARY KEY,
    query        varchar(255) NOT NULL,
    query_type   varchar(50) NOT NULL,
    latitude     double precision,
    longitude    double precision,
    display_name varchar(255),
    result_data  text,
    created_at   timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at   timestamp,
    hit_count    integer NOT NULL DEFAULT 1
);
CREATE INDEX ix_geocache_query ON geocoding_service.geocache (query);
CREATE INDEX ix_geocache_query_type ON geocoding_service.geocache (query_type);
CREATE INDEX ix_geocache_created_at ON geocoding_service.geocache (created_at);

CREATE TABLE geocoding_service.distance_cache (
    id                    serial PRIMARY KEY,
    origin_latitude       double precision NOT NULL,
    origin_longitude      double precision NOT NULL,
    destination_latitude  double precision NOT NULL,
    destination_longitude double precision NOT NULL,
    travel_mode           varchar(50) NOT NULL,
    distance_km           double precision NOT NULL,
    route_data            text,
    created_at            timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at            timestamp,
    hit_count             integer NOT NULL DEFAULT 1
);
CREATE INDEX ix_distance_cache_points ON geocoding_service.distance_cache
    (origin_latitude, origin_longitude, destination_latitude, destination_longitude, travel_mode);

CREATE TABLE geocoding_service.plz_centroids (
    plz             varchar(5) PRIMARY KEY,
    ort             varchar(255) NOT NULL,
    bundesland      varchar(100),
    bundesland_code varchar(2),
    latitude        double precision NOT NULL,
    longitude       double precision NOT NULL,
    created_at      timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at      timestamp
);
CREATE INDEX idx_plz_centroids_plz ON geocoding_service.plz_centroids (plz);
COMMENT ON TABLE geocoding_service.plz_centroids IS 'German postal code centroids for fast distance approximation';
