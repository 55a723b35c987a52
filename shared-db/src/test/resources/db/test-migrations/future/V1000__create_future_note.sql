CREATE TABLE future_note (id int PRIMARY KEY);
