-- 0009 role bindings looked up by place: "who supervises cases in this upazila" is asked on
-- every registration (the case's default supervisor) and by transfers and digests. With
-- 15,000 users at national scale a scan of user_roles cost 1.5 ms a registration.
CREATE INDEX user_roles_place_idx ON user_roles (scope_code, role_key) WHERE scope_code IS NOT NULL;
