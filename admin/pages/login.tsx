// Organizer sign-in. Volunteers never see this: their link signs them in.
import { useState } from "preact/hooks";
import { useStores } from "../context.js";

export function LoginPage() {
  const { auth } = useStores();
  const [password, setPassword] = useState("");
  const error = auth.error.value;
  return (
    <main class="login">
      <h1>Roomcast</h1>
      <p class="muted">Sign in as organizer. Volunteers: open the link you were given.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (password !== "") void auth.login(password);
        }}
      >
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          required
        />
        <button type="submit" class="primary" disabled={auth.busy.value}>
          {auth.busy.value ? "Signing in…" : "Sign in"}
        </button>
        {error && (
          <p class="feedback feedback-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
