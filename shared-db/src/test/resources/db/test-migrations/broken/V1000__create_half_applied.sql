CREATE TABLE half_applied (id int PRIMARY KEY);
INSERT INTO half_applied VALUES (1);
SELECT this_function_does_not_exist();
