// The organizer changes the password from the page (POST /api/password).
import { useState } from "preact/hooks";
import { useStores } from "../context.js";

/** The hub refuses shorter new passwords. */
export const MIN_PASSWORD_CHARS = 12;

async function changePassword(current: string, next: string): Promise<string | null> {
  try {
    const res = await fetch("/api/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ current, next }),
      credentials: "same-origin",
    });
    if (res.ok) return null;
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    return typeof body.message === "string" ? body.message : `HTTP ${res.status}`;
  } catch {
    return "The hub cannot be reached.";
  }
}

export function PasswordForm() {
  const { feedback } = useStores();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  return (
    <form class="card" onSubmit={(e) => {
      e.preventDefault();
      void changePassword(current, next).then((error) => {
        if (error) return feedback.show("error", error);
        feedback.show("ok", "Password changed");
        setCurrent("");
        setNext("");
      });
    }}>
      <h3>Organizer password</h3>
      <label>Current <input type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} required /></label>
      <label>{`New (at least ${MIN_PASSWORD_CHARS} characters)`} <input type="password" autoComplete="new-password" minLength={MIN_PASSWORD_CHARS} value={next} onInput={(e) => setNext(e.currentTarget.value)} required /></label>
      <button type="submit" class="action secondary" disabled={current === "" || next.length < MIN_PASSWORD_CHARS}>Change password</button>
    </form>
  );
}
