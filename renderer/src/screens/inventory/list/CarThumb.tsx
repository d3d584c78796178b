// A row's primary picture, small. Decorative (the name is beside it); a broken or missing
// picture shows a neutral placeholder instead.
import { useState } from 'react';

export function CarThumb({ url }: { url: string | null }) {
  const [broken, setBroken] = useState(false);
  if (!url || broken) return <span className="car-thumb car-thumb--empty" aria-hidden="true" />;
  return <img className="car-thumb" src={url} alt="" loading="lazy" decoding="async" onError={() => setBroken(true)} />;
}
