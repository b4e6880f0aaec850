-- Each service owns its data: one database per service, and one of API keys they all check.
CREATE DATABASE intake;
CREATE DATABASE triage;
CREATE DATABASE monitoring;
CREATE DATABASE feedback;
CREATE DATABASE reporting;
CREATE DATABASE hypercare_auth;
