"""The conversation log: the chat's messages as cards, and what of them is in view.

`ChatLog` mounts the widgets of new messages and brings them into view: whole when they fit,
else an answer, a question or a notice by its end (so the menu that goes on is on screen) and a
diagnosis's result by its head (the cause). It keeps doing so after a resize rewraps the text,
unless the user scrolled away by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import events
from textual.containers import VerticalScroll
from textual.widget import Widget

__all__ = ["ChatLog"]


class ChatLog(VerticalScroll):
    """The conversation: the newest messages stay in view, also through a resize, unless the
    user scrolled away from them."""

    can_focus = False

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        # What the log shows: (first new widget, by its top); None once scrolled by hand.
        self.in_view: tuple[Widget | None, bool] | None = None

    def replace_all(self, widgets: Sequence[Widget]) -> None:
        """Show `widgets` instead of what the log holds, its end in view."""
        self.remove_children()
        self.append(widgets, top=False)

    def append(self, widgets: Sequence[Widget], top: bool) -> None:
        """Add `widgets` at the end and bring them into view: by the first one's top when `top`
        and it does not fit, else by the end."""
        mounted = self.mount_all(widgets)
        self.in_view = (widgets[0] if widgets else None, top)

        async def when_mounted() -> None:
            await mounted
            self.call_after_refresh(self.scroll_new)

        self.call_later(when_mounted)

    def drop_stale(self) -> None:
        """Remove the choices of older messages and what points to them (a new question came)."""
        for old in self.query(".options, .related, .stated-hint"):
            old.remove()

    def scroll_new(self) -> None:
        """Bring what is new into view, again once wrapped text has its full height (the layout
        settles over two refreshes); also after a resize rewraps it, unless the user scrolled away."""
        def scroll() -> None:
            if self.in_view is None or not self.is_attached:
                return
            first, top = self.in_view
            if first is not None and top and first.is_mounted:
                self.scroll_to_widget(first, top=True, animate=False)
            else:
                self.scroll_end(animate=False)

        scroll()
        self.call_after_refresh(scroll)

    def scroll_by_key(self, how: str) -> None:
        """Scroll as a key from the input asks: "page_up", "page_down", "home", "end", "up", "down".
        Where the user went stays through a resize (the end keeps the newest in view)."""
        move = {"page_up": self.scroll_page_up, "page_down": self.scroll_page_down, "home": self.scroll_home,
                "end": self.scroll_end, "up": self.scroll_up, "down": self.scroll_down}[how]
        self.in_view = (None, False) if how == "end" else None
        move(animate=False)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """Scrolling back by hand: a resize no longer brings the newest messages back."""
        self.in_view = None

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.scroll_new)
