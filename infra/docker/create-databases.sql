-- Each service owns its data: one database per service.
CREATE DATABASE intake;
CREATE DATABASE triage;
CREATE DATABASE monitoring;
CREATE DATABASE feedback;
CREATE DATABASE reporting;
