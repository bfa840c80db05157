-- Small key/value facts about the store itself (for example whether the sample data was loaded).
CREATE TABLE app_setting (
  name VARCHAR(200) NOT NULL PRIMARY KEY,
  setting_value VARCHAR(4000),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
