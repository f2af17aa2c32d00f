"""Tags in the admin: pick existing tags by autocomplete, or type a new one."""
