/** The tester's keys, one click away. */
import { Keyboard } from 'lucide-react';

export function HelpPopover() {
  return (
    <details className="search-popover search-popover--right">
      <summary className="button button--ghost" aria-label="Keyboard shortcuts" data-testid="search-help">
        <Keyboard size={14} aria-hidden="true" />
      </summary>
      <div className="search-popover__body">
        <table className="shortcuts">
          <tbody>
            <tr>
              <td>
                <kbd>/</kbd>
              </td>
              <td>Go to the query box</td>
            </tr>
            <tr>
              <td>
                <kbd>Enter</kbd> in the query
              </td>
              <td>Search now (it also searches 250 ms after you stop typing)</td>
            </tr>
            <tr>
              <td>
                <kbd>Esc</kbd> in the query
              </td>
              <td>Clear it</td>
            </tr>
            <tr>
              <td>
                <kbd>↓</kbd> in the query
              </td>
              <td>Go to the results</td>
            </tr>
            <tr>
              <td>
                <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd>
              </td>
              <td>Move between results</td>
            </tr>
            <tr>
              <td>
                <kbd>Enter</kbd> on a result
              </td>
              <td>Show or hide every field Doofinder sent for it</td>
            </tr>
            <tr>
              <td>
                <kbd>C</kbd> on a result
              </td>
              <td>Send a click event for it</td>
            </tr>
          </tbody>
        </table>
        <p className="search-help">
          Links to products are not opened from here: the tester shows what Doofinder answered, not the shop.
        </p>
      </div>
    </details>
  );
}
