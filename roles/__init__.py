"""Staff roles as Django groups, created and extended by data migrations."""
