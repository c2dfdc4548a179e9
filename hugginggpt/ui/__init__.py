"""The web page's logic without the page: pure views of a run (view), per-visitor state (sessions), and
the handlers (controller). app.py lays out the Gradio components and wires them to the controller."""
