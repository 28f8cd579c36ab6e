// Small comforts only; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // the chat: show the newest message, send with Ctrl/Cmd+Enter, and never send twice
  const last = document.getElementById("last");
  if (last) last.scrollIntoView({block: "end"});
  const say = document.getElementById("say");
  if (say) {
    const box = say.querySelector("textarea");
    box.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); say.requestSubmit(); }
    });
    say.addEventListener("submit", () => {
      setTimeout(() => say.querySelectorAll("button").forEach((b) => { b.disabled = true; }), 0);
    });
  }
});
