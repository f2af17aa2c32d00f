"""Image helpers shared by every app that stores pictures."""
