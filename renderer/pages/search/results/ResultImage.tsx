/** A result's thumbnail, loaded only when scrolled to; a placeholder when there is none or it fails. */
import { ImageOff } from 'lucide-react';
import { useState } from 'react';

export function ResultImage({ src, alt }: { src: string | null; alt: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <span className="search-thumb search-thumb--none" title={src ? `The image did not load: ${src}` : 'No image'}>
        <ImageOff size={16} aria-hidden="true" />
      </span>
    );
  }
  return (
    <img
      className="search-thumb"
      src={src}
      alt={alt}
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(src)}
    />
  );
}
