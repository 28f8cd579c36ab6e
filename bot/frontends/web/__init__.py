"""The staff web page (SPEC section 9): app.py routes, pages.py what each page shows, templates and static files."""
