-- Delivery planning and tracking (SPEC §4.4). A plan is one day's routes as the solver proposed them and the
-- dispatcher approved them; routes, unassigned orders and progress are JSON documents of the plan (they are read
-- and written whole). open_date is the delivery date while the plan is being worked on and NULL afterwards: the
-- unique key allows one open plan per day (NULLs do not collide), also when two requests arrive at once.

CREATE TABLE delivery_plan (
    plan_id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    delivery_date       DATE           NOT NULL,
    open_date           DATE,
    status              VARCHAR(16)    NOT NULL,
    requested_by        VARCHAR(100)   NOT NULL,
    process_instance_id VARCHAR(64),
    time_limit_seconds  INT            NOT NULL,
    excluded_vehicles   VARCHAR(500),
    rounds              INT            NOT NULL,
    order_count         INT            NOT NULL,
    feasible            BOOLEAN,
    vehicles_used       INT,
    total_distance_km   DECIMAL(12, 3),
    routes              ${clob},
    unassigned          ${clob},
    progress            ${clob},
    approved_by         VARCHAR(100),
    approved_at         ${datetime},
    created_at          ${datetime}    NOT NULL,
    updated_at          ${datetime}    NOT NULL,
    CONSTRAINT uq_delivery_plan_open UNIQUE (open_date)
);
CREATE INDEX ix_delivery_plan_date ON delivery_plan (delivery_date);

-- One row per order that was ever scheduled: where its current (or last) attempt stands.
CREATE TABLE delivery (
    order_id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    status              VARCHAR(16)    NOT NULL,
    attempts            INT            NOT NULL,
    plan_id             VARCHAR(36)    NOT NULL,
    delivery_date       DATE           NOT NULL,
    vehicle_id          VARCHAR(64)    NOT NULL,
    stop_no             INT            NOT NULL,
    eta                 ${datetime}    NOT NULL,
    window_end          ${datetime}    NOT NULL,
    reason              VARCHAR(500),
    process_instance_id VARCHAR(64),
    updated_at          ${datetime}    NOT NULL,
    CONSTRAINT fk_delivery_order FOREIGN KEY (order_id) REFERENCES customer_order (order_id)
);
CREATE INDEX ix_delivery_plan ON delivery (plan_id);
