-- Database and user for Kontor on MariaDB 10.11+ / MySQL 8. Change the password before use.
CREATE DATABASE IF NOT EXISTS kontor CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'kontor'@'%' IDENTIFIED BY 'change-me';
GRANT ALL PRIVILEGES ON kontor.* TO 'kontor'@'%';
FLUSH PRIVILEGES;
